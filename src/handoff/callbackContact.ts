/** How to reach a customer for a callback; validated (by NLU's entity checks) before it reaches the store. */
export interface CallbackContact {
  readonly kind: 'phone' | 'email';
  readonly value: string;
  readonly name?: string;
}
