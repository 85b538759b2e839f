// Jest setup: the engine's environment (user folder in a temp dir, quiet logs), shared with tooling.
require('../../tooling/engine/env');
