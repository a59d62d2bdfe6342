import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../electron/main/appMenu';
import { MenuCommandSchema, type MenuCommand } from '../../shared/ipc/menuCommands';

/** The template for `platform`, with every command the menu sends recorded. */
function menuFor(platform: string, devTools = false) {
  const sent: MenuCommand[] = [];
  const template = appMenuTemplate({ platform, devTools, sendCommand: (command) => sent.push(command) });
  return { template, sent };
}

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function itemOf(template: MenuItemConstructorOptions[], menu: string, label: string): MenuItemConstructorOptions {
  const item = submenuOf(template, menu).find((candidate) => candidate.label === label);
  if (item === undefined) throw new Error(`no ${label} in the ${menu} menu`);
  return item;
}

/** Chooses an item as Electron does when it is clicked. */
function choose(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

const PAGE_COMMANDS = [
  { menu: 'Edit', label: 'Undo', accelerator: 'CmdOrCtrl+Z', command: 'undo' },
  { menu: 'Edit', label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', command: 'redo' },
  { menu: 'View', label: 'Lock now', accelerator: 'CmdOrCtrl+L', command: 'lock' },
  { menu: 'Help', label: 'Keyboard shortcuts', accelerator: 'F1', command: 'show-shortcuts' },
] as const;

describe('the application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux']) {
    describe(`on ${platform}`, () => {
      it('offers Undo, Redo, Lock now and Keyboard shortcuts with their keys shown but left to the page', () => {
        const { template } = menuFor(platform);
        for (const { menu, label, accelerator } of PAGE_COMMANDS) {
          expect(itemOf(template, menu, label), label).toMatchObject({ accelerator, registerAccelerator: false });
        }
      });

      it('sends each of those to the page as its command, one per click', () => {
        const { template, sent } = menuFor(platform);
        for (const { menu, label } of PAGE_COMMANDS) choose(itemOf(template, menu, label));
        expect(sent).toEqual(PAGE_COMMANDS.map((entry) => entry.command));
        expect(MenuCommandSchema.options.toSorted()).toEqual(PAGE_COMMANDS.map((entry) => entry.command).toSorted());
      });

      it('keeps cut, copy, paste and select all as Electron roles under Undo and Redo', () => {
        const edit = submenuOf(menuFor(platform).template, 'Edit');
        expect(edit.map((item) => item.label ?? item.role ?? item.type)).toEqual(['Undo', 'Redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
      });

      it('lets the clinician make everything larger or smaller (page zoom), as the default menu did', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const roles = submenuOf(menuFor(platform).template, 'View').map((item) => item.role);
      expect(roles, platform).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
    }
  });

  it('can go full screen, and offers the developer tools only in a development build', () => {
        expect(submenuOf(menuFor(platform).template, 'View').map((item) => item.role)).toContain('togglefullscreen');
        expect(submenuOf(menuFor(platform).template, 'View').map((item) => item.role)).not.toContain('toggleDevTools');
        expect(submenuOf(menuFor(platform, true).template, 'View').map((item) => item.role)).toContain('toggleDevTools');
      });
    });
  }

  it('on macOS starts with the app menu (about, hide, quit), keeps Quit out of File and has the Window menu', () => {
    const { template } = menuFor('darwin');
    expect(template.map((item) => item.label ?? item.role)).toEqual(['Triptych', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    const roles = submenuOf(template, 'Triptych').map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    expect(submenuOf(template, 'File').map((item) => item.role)).toEqual(['close']);
  });

  it('elsewhere has no app menu, and File holds Close window and Quit', () => {
    const { template } = menuFor('win32');
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = submenuOf(template, 'File');
    expect(file.map((item) => item.role)).toEqual(['close', 'quit']);
    expect(file[0]?.label).toBe('Close window');
  });
});
