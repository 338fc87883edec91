// The JSON API: requests with the bearer token (kept for this tab in sessionStorage) and the
// API's one-line errors turned into exceptions the page shows.

const TOKEN_KEY = "eventwire.token";

export class ApiError extends Error {
  constructor(message, status, path) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.path = path;
  }
}

export function savedToken() {
  return sessionStorage.getItem(TOKEN_KEY) ?? "";
}

export function saveToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function authHeaders(token = savedToken()) {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** `?name=value&...` from an object; arrays repeat the name, empty values are left out. */
export function queryString(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of [value].flat()) {
      if (item !== null && item !== undefined && item !== "") query.append(name, item);
    }
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && typeof body.error === "string") return body.error;
  } catch {
    // not JSON: fall back to the status line
  }
  return `${response.status} ${response.statusText}`.trim();
}

async function answer(response, path) {
  if (!response.ok) {
    throw new ApiError(await errorMessage(response), response.status, path);
  }
  return response.json();
}

/** GET a JSON route; `signal` lets a newer request cancel an older one. */
export async function getJson(path, params = {}, { signal } = {}) {
  const url = path + queryString(params);
  const response = await fetch(url, { headers: authHeaders(), signal });
  return answer(response, path);
}

/** POST a JSON body with the given bearer token. */
export async function postJson(path, body, token) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...authHeaders(token) },
    body: JSON.stringify(body),
  });
  return answer(response, path);
}

export function isAbort(error) {
  return error?.name === "AbortError";
}
