/**
 * What `npm start` and `npm run demo` put into the MyPit sandbox: the demo account, three badge
 * templates with readable names (the example workflows pick "Course Completion" by name), five
 * holders, and eight issued badges of which four expire within the next 30 days.
 */
import type { Holder, IssuedBadge, Sandbox, Template } from '../../sandbox';

export interface DemoData {
	templates: Template[];
	holders: Holder[];
	badges: IssuedBadge[];
	/** Badges that expire after now and within 30 days (what example 03 should find). */
	expiringWithin30Days: IssuedBadge[];
}

export const DEMO_TEMPLATES = [
	{
		name: 'Course Completion',
		type: 'achievement',
		description: 'Awarded for completing the Automation 101 course',
		criteria: 'Complete all modules and pass the final quiz',
		validityPeriod: 365,
		imageUrl: 'https://example.com/badges/course-completion.png',
		price: 0,
	},
	{
		name: 'First Aid Certificate',
		type: 'healthcare',
		description: 'Certified first aider for the workplace',
		criteria: 'Attend the two-day first aid training and pass the assessment',
		validityPeriod: 730,
		imageUrl: 'https://example.com/badges/first-aid.png',
		price: 0,
	},
	{
		name: 'Fleet Driver Permit',
		type: 'mobility',
		description: 'Allowed to drive the company fleet',
		criteria: 'Valid driving licence and completed fleet safety briefing',
		validityPeriod: 90,
		imageUrl: 'https://example.com/badges/fleet-driver.png',
		price: 0,
	},
] as const;

export const DEMO_HOLDERS = [
	{
		name: 'Marie Curie',
		email: 'marie@example.com',
		phone: '+33 1 5555 0101',
		holderDid: 'did:ethr:0xc0de000000000000000000000000000000000101',
		holderId: 'marie',
	},
	{
		name: 'Nikola Tesla',
		email: 'nikola@example.com',
		phone: '+1 212 555 0102',
		holderDid: 'did:ethr:0xc0de000000000000000000000000000000000102',
		holderId: 'nikola',
	},
	{
		name: 'Rosalind Franklin',
		email: 'rosalind@example.com',
		phone: '+44 20 5555 0103',
		holderDid: 'did:ethr:0xc0de000000000000000000000000000000000103',
		holderId: 'rosalind',
	},
	{
		name: 'Hedy Lamarr',
		email: 'hedy@example.com',
		phone: '+1 310 555 0104',
		holderDid: 'did:ethr:0xc0de000000000000000000000000000000000104',
		holderId: 'hedy',
	},
	{
		name: 'Srinivasa Ramanujan',
		email: 'srinivasa@example.com',
		phone: '+91 44 5555 0105',
		holderDid: 'did:ethr:0xc0de000000000000000000000000000000000105',
		holderId: 'srinivasa',
	},
] as const;

/** Days until expiry of the seeded badges: 5, 12, 25 and 28 are within 30 days; -3 has expired. */
export const DEMO_BADGE_EXPIRY_DAYS = [5, 12, 25, 28, 45, 90, 200, -3] as const;

const DAY_MS = 86_400_000;

async function api<T>(sandbox: Sandbox, path: string, body: unknown): Promise<T> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			clientId: sandbox.demo.clientId,
			secretKey: sandbox.demo.secretKey,
		},
		body: JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`sandbox ${path} answered ${response.status}: ${text}`);
	return JSON.parse(text) as T;
}

/**
 * Seeds the demo account of a fresh sandbox. Holders go through the sandbox's own API (so they
 * have readable names); the request log is cleared afterwards, so it shows only what n8n sends.
 */
export async function seedDemoData(sandbox: Sandbox): Promise<DemoData> {
	const { userId, issuerDid } = sandbox.demo;
	const templates = DEMO_TEMPLATES.map(
		(template) => sandbox.control.seedTemplates(userId, 1, { ...template, isActive: true })[0],
	);
	const holders: Holder[] = [];
	for (const holder of DEMO_HOLDERS) {
		holders.push(
			await api<Holder>(sandbox, '/createHolder', {
				issuerDid,
				issuerId: userId,
				data: { ...holder, ownerId: userId },
			}),
		);
	}
	const badges = sandbox.control.seedBadges(userId, DEMO_BADGE_EXPIRY_DAYS.length, {
		templateId: templates[0]._id,
		recipientIds: holders.map((holder) => holder._id),
		expiresInDays: (i) => DEMO_BADGE_EXPIRY_DAYS[i],
	});
	sandbox.control.clearLog();
	const now = Date.now();
	return {
		templates,
		holders,
		badges,
		expiringWithin30Days: badges.filter(
			(badge) => badge.expiresAt > now && badge.expiresAt <= now + 30 * DAY_MS,
		),
	};
}
