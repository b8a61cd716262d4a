import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/runtime.css';
import './app.css';
import { App } from './App.tsx';
import { getServices } from './data/services.ts';
import { refreshSession } from './data/session.ts';
import { registerWorker } from './pwa/registerWorker.ts';

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
