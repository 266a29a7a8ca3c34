import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createClient } from './api/client';
// In cascade order: later files may refine earlier ones, as the single stylesheet did.
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/badges.css';
import './styles/tables.css';
import './styles/dialogs.css';
import './styles/notices.css';
import './styles/schedule.css';
import './styles/responsive.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={createClient()} />
    </StrictMode>,
  );
}
