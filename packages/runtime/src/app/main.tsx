import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/runtime.css';
import './app.css';
import { App } from './App.tsx';
import { getServices } from './data/services.ts';
import { loadOperator, refreshSession } from './data/session.ts';
import { tabletSettings } from './data/tablet.ts';
import { registerWorker } from './pwa/registerWorker.ts';

// The tablet's settings first (who is signed in, its device id): localStorage may have lost the
// last seconds of them if the browser was killed; their durable copy puts them back.
void tabletSettings()
  .restore()
  .then(() => {
    loadOperator();
    const { sync } = getServices();
    void refreshSession().finally(() => sync.start());
    registerWorker();
    const root = document.getElementById('root');
    if (root) {
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    }
  });
