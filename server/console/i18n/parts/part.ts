// The shape a part's Chinese twin must have: every key of its English part, each a text.
export type Part<T> = { [K in keyof T]: string };
