/**
 * electron-builder's afterPack hook (electron-builder.config.ts): flips Electron's fuses in the
 * packaged binary, after packing and before signing, as Electron's security checklist asks
 * (https://www.electronjs.org/docs/latest/tutorial/fuses). A fuse is a bit in the binary itself, so
 * no command-line flag or environment variable can turn these features back on in the installed app.
 */
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

/** The fuses every installer ships with. */
export const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node.js that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS and --inspect would let another program inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Cookies encrypted at rest with the OS keychain's key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app's code only from app.asar, checked against the hash electron-builder embeds (macOS,
  // Windows): an edited app.asar or a loose app/ folder beside it is not run.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
} as const satisfies FuseV1Config;

/** Flipping fuses breaks a macOS binary's signature; Apple silicon refuses to run it unsigned. */
export function fuseConfigFor(electronPlatformName: string): FuseV1Config {
  const isMac = electronPlatformName === 'darwin' || electronPlatformName === 'mas';
  return { ...FUSES, resetAdHocDarwinSignature: isMac };
}

/** The packaged Electron binary, named as electron-builder names it on each platform. */
export function packagedBinary(context: AfterPackContext): string {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      // Linux names the binary after `linux.executableName`, not the product name.
      return path.join(appOutDir, (packager as unknown as { executableName: string }).executableName);
  }
}

export async function afterPack(context: AfterPackContext): Promise<void> {
  await flipFuses(packagedBinary(context), fuseConfigFor(context.electronPlatformName));
}
