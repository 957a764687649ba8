/*
 * The Newsfeed API as the reader uses it: anonymous GETs and the comment POST, from another origin (CORS), with
 * problem+json errors turned into ApiError.
 */

/** An answer that is not 2xx (status 0: no answer, or one the browser may not show this page). */
export class ApiError extends Error {
    constructor(status, problem, message) {
        super(message || (problem && (problem.detail || problem.title)) || 'HTTP ' + status);
        this.status = status;
        this.problem = problem || null;
    }

    /** The problem's field errors, {field: message}. */
    fieldErrors() {
        const errors = {};
        const list = this.problem && Array.isArray(this.problem.errors) ? this.problem.errors : [];
        for (const e of list) {
            if (e && typeof e.field === 'string' && !(e.field in errors)) {
                errors[e.field] = String(e.message || 'Invalid');
            }
        }
        return errors;
    }
}

/** Where the API is and which site to read: ?api=http://127.0.0.1:8080&site=/content/newsfeed/day. */
export function configuration(search, defaults) {
    const params = new URLSearchParams(search);
    let api = params.get('api') || defaults.api;
    let site = params.get('site') || defaults.site;
    let url;
    try {
        url = new URL(api);
    } catch (e) {
        url = new URL(defaults.api);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        url = new URL(defaults.api);
    }
    api = url.origin + url.pathname.replace(/\/+$/, '');
    if (!/^\/content\/[^?#]+$/.test(site)) {
        site = defaults.site;
    }
    return {api: api, site: site.replace(/\/+$/, '')};
}

async function read(response) {
    const type = response.headers.get('Content-Type') || '';
    if (/json/i.test(type)) {
        try {
            return await response.json();
        } catch (e) {
            return null;
        }
    }
    return null;
}

function unreachable(url) {
    let origin = url;
    try {
        origin = new URL(url).origin;
    } catch (e) {
        // keep the URL as it is
    }
    return new ApiError(0, null, 'The news server at ' + origin + ' did not answer, or does not allow this page\'s'
        + ' origin to read it (CORS).');
}

/** GET of a JSON document, anonymous (no cookies): the document, or an ApiError. */
export async function getJson(url) {
    let response;
    try {
        response = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'omit', mode: 'cors'});
    } catch (e) {
        throw unreachable(url);
    }
    const body = await read(response);
    if (!response.ok) {
        throw new ApiError(response.status, body);
    }
    return body;
}

/** POST of a JSON document (a preflighted cross-origin request): {status, body}, or an ApiError. */
export async function postJson(url, document) {
    let response;
    try {
        response = await fetch(url, {
            method: 'POST',
            headers: {'Content-Type': 'application/json', Accept: 'application/json'},
            body: JSON.stringify(document),
            credentials: 'omit',
            mode: 'cors'
        });
    } catch (e) {
        throw unreachable(url);
    }
    const body = await read(response);
    if (!response.ok) {
        throw new ApiError(response.status, body);
    }
    return {status: response.status, body: body};
}
