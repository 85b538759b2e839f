/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

import {
	compareSnapshots,
	formatSnapshot,
	parameterSnapshot,
	type ParameterSnapshot,
} from '../helpers/parameterSnapshot';

/**
 * Saved workflows keep working: node version 1's parameter names, types and option values are
 * held against test/package/parameters.v1.snapshot.json. Removing or renaming a parameter,
 * changing its type or dropping an option value fails (that needs node version 2). Additions pass
 * and are printed; record them with `UPDATE_PARAMETER_SNAPSHOT=1 npx jest test/package/parameters`.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SNAPSHOT_FILE = path.join(__dirname, 'parameters.v1.snapshot.json');
const UPDATE = process.env.UPDATE_PARAMETER_SNAPSHOT === '1';

function currentSnapshot(): ParameterSnapshot {
	// The built files, as n8n loads them (n8n adds nothing at this level that a workflow saves).
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { MyPit } = require(path.join(ROOT, 'dist/nodes/MyPit/MyPit.node.js')) as {
		MyPit: new () => INodeType;
	};
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { MyPitApi } = require(path.join(ROOT, 'dist/credentials/MyPitApi.credentials.js')) as {
		MyPitApi: new () => ICredentialType;
	};
	const node = new MyPit().description;
	expect(node.version).toBe(1);
	return parameterSnapshot(node, new MyPitApi());
}

describe('version-1 parameters against the committed snapshot', () => {
	const saved = JSON.parse(fs.readFileSync(SNAPSHOT_FILE, 'utf8')) as ParameterSnapshot;
	const current = currentSnapshot();
	const comparison = compareSnapshots(saved, current);

	test('no parameter removed or renamed, no type changed, no option value removed', () => {
		expect({
			removed: comparison.removed,
			typeChanged: comparison.typeChanged,
			valuesRemoved: comparison.valuesRemoved,
		}).toEqual({
			removed: [],
			typeChanged: [],
			valuesRemoved: [],
		});
	});

	test('additions are allowed; recorded on request', () => {
		const additions = [...comparison.added, ...comparison.valuesAdded];
		if (additions.length > 0 && !UPDATE) {
			console.info(
				`${additions.length} parameter addition(s) not in the snapshot yet (allowed):\n  ${additions.join('\n  ')}\n` +
					'Record them: UPDATE_PARAMETER_SNAPSHOT=1 npx jest test/package/parameters',
			);
		}
		if (
			UPDATE &&
			comparison.removed.length +
				comparison.typeChanged.length +
				comparison.valuesRemoved.length ===
				0
		) {
			fs.writeFileSync(SNAPSHOT_FILE, formatSnapshot(current));
			// Formatted by the repository's Prettier, so `npm run lint` passes at once.
			execFileSync(process.execPath, [
				require.resolve('prettier/bin/prettier.cjs'),
				'--write',
				SNAPSHOT_FILE,
			]);
		}
		expect(Object.keys(saved).every((key) => key in current)).toBe(true);
	});

	test('the snapshot covers every resource and operation (it is not empty)', () => {
		for (const key of [
			'* › resource',
			'badge/* › operation',
			'badge/issue › recipientMode',
			'holder/create › email',
			'template/update › updateFields.name',
			'credential myPitApi › secretKey',
		]) {
			expect(saved[key]).toBeDefined();
		}
		expect(saved['* › resource'].values).toEqual(['badge', 'holder', 'template']);
	});

	// Against the parameters as built: additions not yet recorded do not blur the check.
	test('a rename, a type change and a dropped option value are each caught', () => {
		const renamed = { ...current };
		renamed['holder/create › emailAddress'] = renamed['holder/create › email'];
		delete renamed['holder/create › email'];
		const retyped = { ...current, 'template/create › price': { type: 'string' } };
		const fewerValues = {
			...current,
			'badge/issue › recipientMode': { type: 'options', values: ['single', 'list'] },
		};

		expect(compareSnapshots(current, renamed).removed).toEqual(['holder/create › email']);
		expect(compareSnapshots(current, renamed).added).toEqual(['holder/create › emailAddress']);
		expect(compareSnapshots(current, retyped).typeChanged).toEqual([
			'template/create › price: number → string',
		]);
		expect(compareSnapshots(current, fewerValues).valuesRemoved).toEqual([
			'badge/issue › recipientMode: "allItems"',
		]);
	});
});
