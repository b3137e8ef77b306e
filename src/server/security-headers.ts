import helmet from "helmet";
import type { App } from "./types.js";

/**
 * The Content-Security-Policy of the app, the API and the API docs. The built web app loads only
 * its own scripts (no inline script, no eval); styles may be inline because Ant Design writes its
 * CSS-in-JS into <style> elements at run time and index.html has one small <style>. Nothing may
 * frame the app (frame-ancestors 'none'), and the app talks only to its own origin (the API and
 * the live-event stream). No `upgrade-insecure-requests`: a self-hosted instance on a LAN address
 * over plain HTTP must keep loading its own files.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * Security headers on every answer (web app, API, docs, errors) from helmet: the CSP above,
 * X-Content-Type-Options: nosniff, Referrer-Policy: same-origin (invitation links carry a secret in
 * their path: it never leaves in a Referer, while same-origin writes keep theirs for the cross-site
 * check), X-Frame-Options: DENY for browsers without frame-ancestors, and HSTS (which browsers
 * honour only over HTTPS). helmet's middleware is built once, its header values with it, and run on
 * each request's raw response: @fastify/helmet built it again on every request (parsing the CSP
 * each time — 6 % of the server's CPU on GET /me).
 */
export function registerSecurityHeaders(app: App): void {
  const apply = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: "same-origin" },
    frameguard: { action: "deny" },
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  });
  app.addHook("onRequest", (req, reply, done) => {
    apply(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
}
