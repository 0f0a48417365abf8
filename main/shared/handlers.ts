import type { Channel, Contract, Output, ParsedInput } from '../../preload/contract';
import type { Session } from './session';

/** A channel's implementation: gets the validated input and the unlocked vault's session. */
export type SessionHandler<C extends Channel> = (
  input: ParsedInput<C>,
  session: Session,
) => Output<C> | Promise<Output<C>>;

/** The handler table of one module: exactly the channels of its contract map. */
export type SessionHandlers<M extends Partial<Contract>> = {
  [C in keyof M & Channel]: SessionHandler<C>;
};
