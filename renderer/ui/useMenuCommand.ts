import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../shared/ipc/menuCommands';

/**
 * Runs `handler` whenever `command` is chosen in the desktop app's menu.
 * In browser mode there is no application menu, so it does nothing.
 */
export function useMenuCommand(command: MenuCommand, handler: () => void): void {
  // The latest handler, so a screen can pass a fresh closure on every render
  // without unsubscribing and subscribing again each time.
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    const menu = window.triptychMenu;
    if (menu === undefined) return;
    return menu.onMenuCommand((chosen) => {
      if (chosen === command) latest.current();
    });
  }, [command]);
}
