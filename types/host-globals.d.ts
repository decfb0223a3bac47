// The few globals every host of the pure parts has (Node, browsers, VS Code for
// the web) that ECMAScript itself does not define. The core and the view layer
// compile against ES2022 plus exactly these, so anything else a host offers
// (`process`, `Buffer`, `document`, timers) is a type error there.
// Only the members the code uses are declared; add one when you need it.

/** The WHATWG URL parser (uri.ts resolves include paths with it). */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
}
