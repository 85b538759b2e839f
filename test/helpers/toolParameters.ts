/** Parameters of MyPit tool nodes as the engine tests write them: every argument from the model. */

/** A `$fromAI()` placeholder, as a user writes it in a tool node's field. */
export const fromAI = (key: string, description: string, type = 'string') =>
	`={{ $fromAI('${key}', '${description}', '${type}') }}`;

/** Holder → Create or Update with every field from the model. */
export const createOrUpdateHolderTool = {
	resource: 'holder',
	operation: 'createOrUpdate',
	name: fromAI('name', 'Full name'),
	email: fromAI('email', 'Email address'),
	phone: fromAI('phone', 'Phone number'),
	holderDid: fromAI('did', 'Holder DID'),
	externalHolderId: fromAI('userId', 'Holder user ID'),
};
