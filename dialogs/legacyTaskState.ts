import type { FlowInstanceState } from './flowTurn';

/**
 * Until 2026-12 a task was a component dialog around an inner flow, so a conversation saved then keeps the
 * flow's state one stack deeper. Lifting it in place lets such a conversation carry on after a deploy.
 */
export function upgradeLegacyTaskState<S>(state: Record<string, unknown>): FlowInstanceState<S> {
  const inner = (state.dialogs as { dialogStack?: { state?: FlowInstanceState<S> }[] } | undefined)?.dialogStack?.[0]?.state;
  if (inner && state.flow === undefined) {
    state.flow = inner.flow;
    if (inner.question) state.question = inner.question;
    const restartOptions = state['interruptible.restartOptions'];
    if (restartOptions) state.restartOptions = restartOptions;
    if (state['interruptible.paused']) state.paused = true;
    delete state.dialogs;
    delete state['interruptible.restartOptions'];
    delete state['interruptible.paused'];
  }
  return state as unknown as FlowInstanceState<S>;
}
