import { z } from 'zod';

/** The one channel on which the main process tells the page that a menu item was chosen. */
export const MENU_CHANNEL = 'menu:command';

/**
 * What the application menu can ask the page to do. The page already does
 * each of these from the keyboard; the menu only reaches the same action.
 */
export const MenuCommandSchema = z.enum(['undo', 'redo', 'lock', 'show-shortcuts']);

/** One thing the application menu can ask the page to do. */
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/** The preload's menu API as the page sees it (window.triptychMenu); absent in browser mode. */
export interface TriptychMenu {
  /** Calls `listener` with each menu command chosen from now on; the returned function stops it. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
