// What scripts/bench.mjs hands each part.

export interface BenchContext {
  /** The fault proxy in front of moto: what the extension's code talks to. */
  readonly endpoint: string;
  /** moto itself, behind the proxy: for creating estates without counting or faulting those calls. */
  readonly motoEndpoint: string;
  /** The checkout, with dist/ built. */
  readonly root: string;
  /** What answers at `endpoint`, for the header. */
  readonly server: string;
  /** Shared by the parts of one run, e.g. an estate already created. */
  readonly shared: Map<string, unknown>;
}
