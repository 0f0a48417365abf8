// The renderer's Content-Security-Policy: nothing but our own origin (DESIGN.md, security
// baseline). Both hosts send it as a header; the build also writes it into index.html as a
// <meta> tag (scripts/build.mjs), so the page carries it however it is opened and the
// Electron security scan can evaluate it.
const DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

const join = (directives: [string, string][]) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

export const CONTENT_SECURITY_POLICY = join(DIRECTIVES);

/** The same policy for a <meta> tag, which may not carry frame-ancestors (browsers ignore it there and warn). */
export const META_CONTENT_SECURITY_POLICY = join(DIRECTIVES.filter(([name]) => name !== 'frame-ancestors'));
