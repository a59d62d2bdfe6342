import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * Electron's fuses for every packaged Triptych, flipped by electron-builder's
 * afterPack hook before the app is signed (so the signature covers them).
 * Every fuse of the wire is set explicitly: with strictlyRequireAllFuses, an
 * Electron upgrade that adds a fuse fails the build until it is decided here.
 */
export const FUSE_CONFIG = Object.freeze({
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node runtime.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store encrypted with the OS keychain, as Chrome does.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload arbitrary code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would let anyone attach a debugger to the main process and read the case data.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar checked against the hash embedded at package time (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Without it, a folder named `app` beside app.asar would be loaded instead, unchecked.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Triptych ships no custom V8 snapshot for the main process.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app serves its pages from app://, never file://, so file:// needs no extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default: WebAssembly bounds checks by signal handlers; no security cost.
  [FuseV1Options.WasmTrapHandlers]: true,
});

/** The path of the packaged Electron binary (or macOS bundle) in electron-builder's output folder. */
export function packagedBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

/**
 * electron-builder's afterPack hook: flips the fuses of the packaged binary.
 * On macOS the ad-hoc signature is redone, since flipping bytes breaks it and
 * an Apple-silicon Mac refuses to run an unsigned binary.
 */
export async function afterPack(context) {
  const macBundle = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(packagedBinaryPath(context), { ...FUSE_CONFIG, resetAdHocDarwinSignature: macBundle });
}

export default afterPack;
