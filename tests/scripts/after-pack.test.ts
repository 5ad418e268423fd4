import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPack, FUSES } from '../../scripts/after-pack';

const flipFuses = vi.hoisted(() => vi.fn(() => Promise.resolve(0)));
vi.mock('@electron/fuses', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@electron/fuses')>()),
  flipFuses,
}));

/** The part of electron-builder's context the hook reads. */
function context(electronPlatformName: string): AfterPackContext {
  return {
    appOutDir: '/build/dist/unpacked',
    electronPlatformName,
    packager: { appInfo: { productFilename: 'Tradeoff Explorer' }, executableName: 'tradeoff-explorer' },
  } as unknown as AfterPackContext;
}

/** Electron's fuse wire, spelled out: index in the wire → value. */
const expectedFuses = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

beforeEach(() => flipFuses.mockClear());

describe('afterPack', () => {
  it('exports the six fuses the security checklist asks for, and nothing else', () => {
    expect(FUSES).toStrictEqual(expectedFuses);
    expect(FUSES).toStrictEqual({ version: '1', 0: false, 1: true, 2: false, 3: false, 4: true, 5: true });
  });

  it.each([
    ['linux', path.join('/build/dist/unpacked', 'tradeoff-explorer'), false],
    ['win32', path.join('/build/dist/unpacked', 'Tradeoff Explorer.exe'), false],
    ['darwin', path.join('/build/dist/unpacked', 'Tradeoff Explorer.app'), true],
    ['mas', path.join('/build/dist/unpacked', 'Tradeoff Explorer.app'), true],
  ])('on %s flips exactly these fuses in %s', async (platform, binary, resetSignature) => {
    await afterPack(context(platform));
    expect(flipFuses).toHaveBeenCalledExactlyOnceWith(binary, {
      ...expectedFuses,
      resetAdHocDarwinSignature: resetSignature,
    });
    const [, config] = flipFuses.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(Object.keys(config).sort()).toEqual(
      ['0', '1', '2', '3', '4', '5', 'resetAdHocDarwinSignature', 'version'].sort(),
    );
  });

  it('fails the build when the fuses cannot be flipped', async () => {
    flipFuses.mockRejectedValueOnce(new Error('Could not find sentinel in the provided Electron binary'));
    await expect(afterPack(context('linux'))).rejects.toThrow('Could not find sentinel');
  });
});
