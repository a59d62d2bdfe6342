import type { Channel, HandlerResultOf, ParsedRequestOf } from '../../shared/ipc/contract';

/** The Node-side implementation of every channel; the wrapper parses both ways around it. */
export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => Promise<HandlerResultOf<C>>;
};
