// The launcher lives with the report mechanism (PDF printing uses it in production).
export { launchBrowser } from '../src/platform/reports/browser.ts';
