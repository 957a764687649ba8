/*
 * Building the page safely: every piece of data goes in as text or a DOM property; the only HTML from the API
 * (article bodies, comment texts, search snippets) is parsed inert by DOMParser and rebuilt element by element from
 * an allow-list, as the API's own sanitiser allows it.
 */

/** h('p', {className: 'x'}, 'text', child, ...): an element with properties and children (text stays text). */
export function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name === 'dataset') {
            Object.assign(el.dataset, value);
        } else if (name.startsWith('aria-') || name === 'role' || name === 'rel' || name === 'for') {
            el.setAttribute(name, value === true ? 'true' : String(value));
        } else if (name === 'href') {
            el.setAttribute('href', safeUrl(value) ? value : '#/');
        } else if (name.startsWith('on') && typeof value === 'function') {
            el.addEventListener(name.slice(2), value);
        } else {
            el[name] = value;
        }
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** http, https, mailto, and the reader's own #/ routes; nothing that could run script. */
export function safeUrl(value) {
    const v = String(value || '').trim();
    if (v.startsWith('#')) {
        return true;
    }
    try {
        const url = new URL(v, document.baseURI);
        return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
    } catch (e) {
        return false;
    }
}

/** Elements (and attributes) of an article body: the API's sanitiser policy (docs/api.md, "Article document"). */
const BODY = {
    P: [], BR: [], HR: [], H2: [], H3: [], H4: [], H5: [], H6: [], BLOCKQUOTE: ['cite'], Q: ['cite'], CITE: [],
    EM: [], STRONG: [], B: [], I: [], U: [], S: [], SUB: [], SUP: [], SMALL: [], MARK: [], ABBR: ['title'], UL: [],
    OL: [], LI: [], DL: [], DT: [], DD: [], PRE: [], CODE: [], FIGURE: [], FIGCAPTION: [],
    IMG: ['src', 'alt', 'width', 'height'], A: ['href', 'title', 'hreflang'], TABLE: [], THEAD: [], TBODY: [], TR: [],
    TH: ['colspan', 'rowspan', 'scope'], TD: ['colspan', 'rowspan', 'scope'], CAPTION: []
};
/** A comment's text: paragraphs, line breaks, emphasis, links. */
const COMMENT = {P: [], BR: [], EM: [], STRONG: [], I: [], B: [], A: ['href']};
/** A search snippet: text with the matched words marked. */
const SNIPPET = {MARK: []};
/** Dropped with everything inside. */
const DROP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'NOSCRIPT', 'TITLE',
    'META', 'LINK', 'HEAD', 'FORM', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'FRAME', 'FRAMESET', 'AUDIO', 'VIDEO',
    'CANVAS']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);

function cleanInto(from, to, allowed) {
    for (const node of Array.from(from.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) {
            to.append(document.createTextNode(node.nodeValue));
            continue;
        }
        if (node.nodeType !== Node.ELEMENT_NODE) {
            continue;
        }
        const name = node.nodeName.toUpperCase();
        if (DROP.has(name)) {
            continue;
        }
        const attributes = allowed[name];
        if (!attributes) {
            cleanInto(node, to, allowed); // an element not allowed here: keep its text
            continue;
        }
        const el = document.createElement(name.toLowerCase());
        for (const attribute of attributes) {
            const value = node.getAttribute(attribute);
            if (value !== null && (!URL_ATTRIBUTES.has(attribute) || safeUrl(value))) {
                el.setAttribute(attribute, value);
            }
        }
        if (name === 'A') {
            el.setAttribute('rel', allowed === COMMENT ? 'nofollow ugc noopener' : 'noopener');
        }
        if (name === 'IMG') {
            el.setAttribute('loading', 'lazy');
        }
        cleanInto(node, el, allowed);
        to.append(el);
    }
}

function rebuilt(html, allowed, container) {
    const doc = new DOMParser().parseFromString(String(html || ''), 'text/html');
    cleanInto(doc.body, container, allowed);
    return container;
}

export function articleBody(html) {
    return rebuilt(html, BODY, h('div', {className: 'story-body'}));
}

export function commentText(html) {
    return rebuilt(html, COMMENT, h('div', {className: 'comment-text'}));
}

export function snippet(html) {
    return rebuilt(html, SNIPPET, h('p', {className: 'snippet'}));
}

function localParts(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(String(iso || ''));
    return m ? {year: +m[1], month: +m[2], day: +m[3], hh: m[4], mm: m[5]} : null;
}

function formatter(locale, options) {
    try {
        return new Intl.DateTimeFormat(locale, Object.assign({timeZone: 'UTC'}, options));
    } catch (e) {
        return new Intl.DateTimeFormat('en', Object.assign({timeZone: 'UTC'}, options));
    }
}

/**
 * "January 10, 2022 14:40" for "2022-01-10T14:40:00+04:00": the date and time as the API states them, in the site's
 * zone (its offset), never converted to the browser's zone.
 */
export function dateTime(iso, locale) {
    const p = localParts(iso);
    if (!p) {
        return String(iso || '');
    }
    const day = formatter(locale, {year: 'numeric', month: 'long', day: 'numeric'})
        .format(new Date(Date.UTC(p.year, p.month - 1, p.day)));
    return p.hh ? day + ' ' + p.hh + ':' + p.mm : day;
}

/** "January 10, 2022" for "2022-01-10". */
export function date(iso, locale) {
    const p = localParts(iso);
    return p ? formatter(locale, {year: 'numeric', month: 'long', day: 'numeric'})
        .format(new Date(Date.UTC(p.year, p.month - 1, p.day))) : String(iso || '');
}

/** "January 2022" (long) or "Jan" (short) for "2022-01". */
export function month(ym, locale, style) {
    const m = /^(\d{4})-(\d{2})$/.exec(String(ym || ''));
    if (!m) {
        return String(ym || '');
    }
    const options = style === 'short' ? {month: 'short'} : {month: 'long', year: 'numeric'};
    return formatter(locale, options).format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
}

/** An element for a time with its machine-readable value. */
export function time(iso, locale) {
    return h('time', {dateTime: String(iso || '')}, dateTime(iso, locale));
}
