/**
 * The colours echoes are highlighted in: eight hues far enough apart to tell
 * apart side by side, each a mid tone with at least 3:1 contrast (WCAG AA for
 * graphics) against both the light and the dark map and page backgrounds,
 * so one echo keeps one colour whichever theme is on.
 */
export const ECHO_COLOURS: readonly string[] = [
  '#3a78c2',
  '#c2571a',
  '#3f8f3a',
  '#b8479c',
  '#0f8a8a',
  '#8c5fd4',
  '#9c6b00',
  '#d1495b',
];

/** Which palette slot each echo has, by echo id. */
export type EchoColourSlots = ReadonlyMap<string, number>;

/**
 * Gives each echo a palette slot that it keeps for as long as it exists: an
 * echo already coloured keeps its slot; a new one takes the first free slot,
 * in list order; slots of echoes that are gone become free. Past the palette's
 * size, colours repeat by position in the list.
 */
export function assignEchoColours(previous: EchoColourSlots, echoIds: readonly string[], paletteSize = ECHO_COLOURS.length): Map<string, number> {
  const current = new Set(echoIds);
  const slots = new Map<string, number>();
  const taken = new Set<number>();
  for (const [id, slot] of previous) {
    if (current.has(id) && !taken.has(slot)) {
      slots.set(id, slot);
      taken.add(slot);
    }
  }
  echoIds.forEach((id, index) => {
    if (slots.has(id)) return;
    let slot = 0;
    while (taken.has(slot) && slot < paletteSize) slot += 1;
    if (slot >= paletteSize) slot = index % paletteSize;
    else taken.add(slot);
    slots.set(id, slot);
  });
  return slots;
}

/** The colour of a palette slot. */
export function echoColourOfSlot(slot: number): string {
  return ECHO_COLOURS[slot % ECHO_COLOURS.length] as string;
}
