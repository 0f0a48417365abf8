import { describe, expect, it } from 'vitest';
import { asarFiles, readAsar, requirePackage } from './layout';

// Issue 16: the build shipped React's development build (scripts/build.mjs resolved a dev-server
// config for the CSP first, which set NODE_ENV=development for the builds after it). Every element
// then captured a stack trace; scrolling a long list had frames of 600 ms and more.
describe('the packaged renderer', () => {
  it('is React\'s production build: no development JSX runtime, no development warnings', () => {
    requirePackage();
    const scripts = asarFiles().filter((f) => /^out\/renderer\/assets\/.*\.js$/.test(f));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = readAsar(file).toString('utf8');
      expect(code, file).not.toMatch(/jsxDEV|react-stack-top-frame|Download the React DevTools/);
    }
  });
});
