import type { FuseV1Config } from '@electron/fuses';

/** Electron's fuses for every packaged Triptych (strict: every fuse of the wire set). */
export declare const FUSE_CONFIG: Readonly<FuseV1Config & { strictlyRequireAllFuses: true }>;

/** The parts of electron-builder's AfterPackContext the hook reads. */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName: string; appInfo: { productFilename: string } };
}

/** The path of the packaged Electron binary (or macOS bundle) in electron-builder's output folder. */
export declare function packagedBinaryPath(context: PackContext): string;

/** electron-builder's afterPack hook: flips the fuses of the packaged binary. */
export declare function afterPack(context: PackContext): Promise<void>;
export default afterPack;
