// The worker's own protection, run before any other code of the worker. A page's <meta> policy
// does not reach a dedicated worker, and a static host (GitHub Pages) sends no policy header:
// so the worker takes away, from its own scope, what its code never needs. It speaks only to
// this site (fetch and XMLHttpRequest refuse any other origin), runs no code made from a
// string (eval, the Function constructors, string timers), and opens no socket. Once the
// service worker controls the page (every visit after the first), it serves the worker's script
// with a policy header the browser enforces (sitegen/sw.js, WORKER_POLICY), which also stops
// what this cannot: an import() of a module from another origin or a data: URL (README.md).

const here = self.location.origin;

/** Whether `url` (relative to the worker) is this site's, or a blob made here. */
export function sameOrigin(url) {
  try {
    return new URL(url, self.location.href).origin === here;
  } catch {
    return false;
  }
}

const refused = (what) => new TypeError(`${what}: this worker speaks only to ${here}`);

const realFetch = self.fetch.bind(self);
self.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  return sameOrigin(url) ? realFetch(input, init) : Promise.reject(refused(url));
};

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (!sameOrigin(url)) throw refused(String(url));
  return open.call(this, method, url, ...rest);
};

for (const name of ["WebSocket", "WebTransport", "EventSource"]) {
  if (name in self) {
    Object.defineProperty(self, name, { value: undefined, writable: false, configurable: false });
  }
}

// Code from strings: the global eval, the constructors of every kind of function (reached as
// `Function` or as `(() => {}).constructor`), and timers given a string.
const noEval = () => {
  throw new EvalError("this worker runs no code made from a string");
};
Object.defineProperty(self, "eval", { value: noEval, writable: false, configurable: false });
const constructors = [Function, (async () => {}).constructor, function* () {}.constructor, async function* () {}.constructor];
for (const Kind of constructors) {
  // A proxy keeps `x instanceof Function` and `Function.prototype` working; calling it throws.
  const guarded = new Proxy(Kind, { apply: noEval, construct: noEval });
  Object.defineProperty(Kind.prototype, "constructor", { value: guarded, writable: false, configurable: false });
}
Object.defineProperty(self, "Function", { value: Function.prototype.constructor, writable: false, configurable: false });
for (const name of ["setTimeout", "setInterval"]) {
  const timer = self[name].bind(self);
  self[name] = (handler, ...rest) => (typeof handler === "function" ? timer(handler, ...rest) : noEval());
}
