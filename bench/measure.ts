/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import * as fs from 'node:fs';

/** Samples a process's resident memory while a job runs; returns the job's result and the peak. */
export async function withPeakRss<T>(
	pid: number | undefined,
	job: () => Promise<T>,
): Promise<{ result: T; peakRssMb: number | null }> {
	if (pid === undefined) return { result: await job(), peakRssMb: null };
	let peak = 0;
	const sample = () => {
		try {
			const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (match) peak = Math.max(peak, Number(match[1]));
		} catch {
			// The process is gone; keep the peak seen so far.
		}
	};
	sample();
	const timer = setInterval(sample, 20);
	try {
		const result = await job();
		sample();
		return { result, peakRssMb: Math.round(peak / 1024) };
	} finally {
		clearInterval(timer);
	}
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
