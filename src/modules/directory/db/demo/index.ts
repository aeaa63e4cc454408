export { seedDemoDirectory, type DemoDirectoryCounts } from './seed.ts';
