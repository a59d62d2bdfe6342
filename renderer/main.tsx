import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectBridge } from './bridge/connectBridge';
import { applyThemeChoice, storedThemeChoice } from './ui/theme';
import { VaultGate } from './vault/VaultGate';
import './fonts.css';
import './styles.css';

const { bridge, kind } = connectBridge();
document.documentElement.dataset.bridge = kind;
// Before the first paint, so a dark-theme user never sees a light flash.
applyThemeChoice(storedThemeChoice());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <VaultGate bridge={bridge}>{(unlockedBridge) => <App bridge={unlockedBridge} />}</VaultGate>
  </StrictMode>,
);
