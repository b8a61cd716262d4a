import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/runtime.css';
import './preview.css';
import { PreviewApp } from './PreviewApp.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PreviewApp />
    </StrictMode>,
  );
}
