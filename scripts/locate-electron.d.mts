/** The folder of the installed `electron` npm package. */
export declare const ELECTRON_PACKAGE_DIR: string;
/** Returns the path of the Electron executable, or null when it was never downloaded. */
export declare function locateElectron(options?: { packageDir?: string; env?: NodeJS.ProcessEnv }): string | null;
/** The Electron version this project pins, for the instructions we print. */
export declare function electronVersion(options?: { packageDir?: string }): string;
