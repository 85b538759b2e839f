/** The one error type API handlers throw; the server turns it into `{error, status}`. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
		this.name = 'ApiError';
	}

	toBody(): { error: string; status: number } {
		return { error: this.message, status: this.status };
	}
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const forbidden = (message: string): ApiError => new ApiError(403, message);
export const notFound = (message: string): ApiError => new ApiError(404, message);

/** 403 used whenever a body's owner field is not the authenticated account's userId. */
export const notYourUserId = (field: string): ApiError =>
	forbidden(`Insufficient permissions: "${field}" does not match the authenticated client`);

/** 403 used whenever a record exists but belongs to another owner. */
export const ownedByAnother = (what: string): ApiError =>
	forbidden(`Insufficient permissions: this ${what} belongs to another owner`);
