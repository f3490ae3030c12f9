// The GraphQL client: every request goes to /graphql with the API key kept in session storage.

const KEY_STORAGE = 'campaignd.apiKey';

export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

/** A refusal from the server: every GraphQL error, the first one's code and field at hand. */
export class ApiError extends Error {
  constructor(errors, status) {
    super(errors.map((error) => error.message).join(' '));
    this.errors = errors;
    this.status = status;
    this.code = errors[0]?.extensions?.code ?? null;
    this.field = errors[0]?.extensions?.field ?? null;
  }
}

/** Runs a query or mutation and returns its `data`; throws ApiError when the server refused anything. */
export async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json;q=0.9',
        Authorization: `Bearer ${apiKey() ?? ''}`,
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError([{ message: 'The server cannot be reached. Check your connection and try again.', extensions: { code: 'NETWORK' } }], 0);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError([{ message: `The server answered ${response.status} without a readable body.`, extensions: { code: 'BAD_RESPONSE' } }], response.status);
  }
  if (body.errors?.length) throw new ApiError(body.errors, response.status);
  return body.data;
}

/** Reads a File as base64 (without the data: prefix), for uploadMedia. */
export function fileToBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
