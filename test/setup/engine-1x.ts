// Setup for jest.engine-1x.config.js only: see releaseEngineResources in test/helpers/compat.ts.
import { releaseEngineResources } from '../helpers/compat';

afterAll(() => releaseEngineResources());
