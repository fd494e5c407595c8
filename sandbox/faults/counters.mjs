// Request counters of the fault proxy: seen, injected, in flight now and the peak in flight, in total and per
// region, per region and service, per region and action. The load tests and the benchmark read them.

/** @typedef {import('./client.mjs').FaultCounter} FaultCounter */
/** @typedef {import('./client.mjs').RegionCounters} RegionCounters */
/** @typedef {import('./rules.mjs').RequestTarget} RequestTarget */

/** @returns {FaultCounter} */
const counter = () => ({ seen: 0, injected: 0, inFlight: 0, peakInFlight: 0 });

export class FaultCounters {
  /** @type {FaultCounter} */
  #total = counter();
  /** @type {Map<string, { all: FaultCounter, services: Map<string, FaultCounter>, actions: Map<string, FaultCounter> }>} */
  #regions = new Map();
  #since = new Date().toISOString();

  /**
   * Counts a request in; the returned handle marks it injected and, once, ends it.
   * @param {RequestTarget} target
   */
  begin({ region, service, action }) {
    let byRegion = this.#regions.get(region);
    if (!byRegion) this.#regions.set(region, (byRegion = { all: counter(), services: new Map(), actions: new Map() }));
    const all = byRegion.all;
    const counters = [this.#total, all, entry(byRegion.services, service), entry(byRegion.actions, action || '(none)')];
    for (const c of counters) {
      c.seen++;
      c.peakInFlight = Math.max(c.peakInFlight, ++c.inFlight);
    }
    let ended = false;
    return {
      injected() {
        for (const c of counters) c.injected++;
      },
      end() {
        if (ended) return;
        ended = true;
        for (const c of counters) c.inFlight--;
      },
    };
  }

  /** Zeroes everything but the requests in flight now, which become the new peak. */
  reset() {
    for (const c of this.#all()) Object.assign(c, { seen: 0, injected: 0, peakInFlight: c.inFlight });
    this.#since = new Date().toISOString();
  }

  /** @returns {{ total: FaultCounter, regions: Record<string, RegionCounters>, since: string }} */
  snapshot() {
    /** @type {Record<string, RegionCounters>} */
    const regions = {};
    for (const [region, { all, services, actions }] of [...this.#regions].sort(([a], [b]) => a.localeCompare(b))) {
      if (!all.seen && !all.inFlight) continue;
      regions[region] = { ...all, services: plain(services), actions: plain(actions) };
    }
    return { total: { ...this.#total }, regions, since: this.#since };
  }

  *#all() {
    yield this.#total;
    for (const { all, services, actions } of this.#regions.values()) {
      yield all;
      yield* services.values();
      yield* actions.values();
    }
  }
}

/** @param {Map<string, FaultCounter>} map @param {string} key */
function entry(map, key) {
  let c = map.get(key);
  if (!c) map.set(key, (c = counter()));
  return c;
}

/** Counters that saw something since the last reset, or have something in flight. @param {Map<string, FaultCounter>} map */
function plain(map) {
  return Object.fromEntries([...map].filter(([, c]) => c.seen || c.inFlight).sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, { ...c }]));
}
