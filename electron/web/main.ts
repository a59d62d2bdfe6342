import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TriptychError } from '../../shared/ipc/result';
import { openWorkspace } from '../app/openWorkspace';
import { resolveDataDir } from '../store/dataDir';
import { openSystemBrowser } from './openBrowser';
import { startWebServer } from './server';

// `npm run web`: Triptych in the system browser, for machines where the
// Electron binary is missing. Same renderer, same contract, same store.

async function main(): Promise<void> {
  const rendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`Triptych's pages have not been built yet (${rendererDir} is missing). Run "npm run build" first, then start again.`);
    process.exitCode = 1;
    return;
  }
  const dataDir = resolveDataDir();
  let workspace: Awaited<ReturnType<typeof openWorkspace>>;
  try {
    workspace = await openWorkspace({ dataDir, mode: 'browser', seedExamples: true, firstRun: 'ask' });
  } catch (error) {
    if (!(error instanceof TriptychError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
    return;
  }
  const server = await startWebServer({ dispatch: workspace.dispatch, rendererDir });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Triptych...');
    server
      .close()
      .then(() => workspace.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const opened = openSystemBrowser(server.url);
  console.log(
    [
      `Triptych is running in browser mode. Cases are kept in ${dataDir}.`,
      opened ? 'Your browser should open on it; if it does not, open this address:' : 'Open this address in your browser:',
      '',
      `  ${server.url}`,
      '',
      'The address works only on this computer and only until Triptych stops. Press Ctrl+C to stop.',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
