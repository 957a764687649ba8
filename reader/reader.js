/*
 * Newsfeed reader: a news site's pages built in the browser from Newsfeed's public JSON API on another origin.
 * No build step, no framework, nothing from a CDN. The page's query names the API and the site
 * (?api=http://127.0.0.1:8080&site=/content/newsfeed/day); the hash is the route:
 *
 *   #/                                  latest articles ({site}.feed.json), "Older articles" follows the feed's next
 *   #/articles/2022/01/10/{slug}        an article with its comments and the "Leave a Reply" form
 *   #/tag/{tag}                         articles with a tag ({site}.feed.json?tag=)
 *   #/day/2022-01-10, #/month/2022-01   the archive ({site}/articles/2022/01/10.json, .../2022/01.json)
 *   #/search?q=...                      search ({site}.search.json?q=)
 */
import {ApiError, configuration, getJson} from './api.js';
import {calendar} from './calendar.js';
import {commentsSection} from './comments.js';
import {articleBody, date, h, month, snippet, time} from './html.js';

const CONFIG = configuration(location.search, {api: 'http://127.0.0.1:8080', site: '/content/newsfeed/day'});
const API = CONFIG.api;
const SITE = CONFIG.site;
const PAGE_SIZE = 10;

const main = document.getElementById('main');
const calendarBox = document.getElementById('calendar');
const announcer = document.getElementById('announcer');
let site = null;
let locale = 'en';
let rendering = 0;
let firstRender = true;
/** The month (and day) the calendar shows. */
let shownMonth = null;

// ---- the site ---------------------------------------------------------------------------------------------------

async function loadSite() {
    site = await getJson(API + SITE + '.json');
    locale = site.locale || 'en';
    document.documentElement.lang = locale;
    document.getElementById('site-title').textContent = site.title;
    document.getElementById('api-origin').textContent = new URL(API).origin;
    document.getElementById('api-link').href = API + SITE + '.json';
}

// ---- routes -----------------------------------------------------------------------------------------------------

function decoded(segment) {
    try {
        return decodeURIComponent(segment);
    } catch (e) {
        return segment;
    }
}

/** The route in the hash: {path: ['tag', 'politics'], query: URLSearchParams, hash}. */
function route() {
    const hash = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
    const q = hash.indexOf('?');
    const path = (q >= 0 ? hash.slice(0, q) : hash).split('/').filter(Boolean).map(decoded);
    return {path: path, query: new URLSearchParams(q >= 0 ? hash.slice(q + 1) : ''), base: q >= 0 ? hash.slice(0, q) : hash};
}

/** The reader's address of an article (its path below the site). */
function articleHref(path) {
    return '#' + (path.startsWith(SITE + '/') ? path.slice(SITE.length) : '/articles/' + path.split('/').pop());
}

/** A listing's "next" URL of the API as a route of the reader: same route, the next page's query. */
function nextHref(base, next) {
    return '#' + base + '?' + new URL(next).search.slice(1);
}

function query(params, defaults) {
    const q = new URLSearchParams(defaults);
    for (const [name, value] of params) {
        q.set(name, value);
    }
    return q.toString();
}

async function render() {
    const mine = ++rendering;
    const r = route();
    let page;
    try {
        page = await pageFor(r);
    } catch (e) {
        page = failure(e);
    }
    if (mine !== rendering) {
        return; // a newer route was asked for meanwhile
    }
    main.replaceChildren(...page.nodes);
    document.title = page.title + ' – ' + site.title;
    markNavigation(r);
    if (!firstRender) {
        const heading = main.querySelector('h1');
        if (heading) {
            heading.tabIndex = -1;
            heading.focus();
        }
        announce(page.title);
        window.scrollTo(0, 0);
    }
    firstRender = false;
    if (page.month || shownMonth === null) {
        showCalendar(page.month, page.day); // pages of no month (search, errors) keep the calendar shown
    }
}

function pageFor(r) {
    const [kind, ...rest] = r.path;
    switch (kind) {
        case undefined:
            return listing(r, 'Latest news', API + SITE + '.feed.json', {limit: PAGE_SIZE});
        case 'articles':
            return articlePage(SITE + '/articles/' + rest.join('/'));
        case 'tag':
            return listing(r, 'Tagged “' + rest[0] + '”', API + SITE + '.feed.json', {tag: rest[0], limit: PAGE_SIZE});
        case 'day':
            return archive(r, rest[0], /^\d{4}-\d{2}-\d{2}$/);
        case 'month':
            return archive(r, rest[0], /^\d{4}-\d{2}$/);
        case 'search':
            return search(r);
        default:
            throw new ApiError(404, null, 'The reader has no page at this address.');
    }
}

// ---- pages ------------------------------------------------------------------------------------------------------

function teaser(item, extra) {
    return h('li', {}, h('article', {className: 'teaser', 'aria-labelledby': 'teaser-' + item.id},
        h('h2', {id: 'teaser-' + item.id}, h('a', {href: articleHref(item.path)}, item.title)),
        h('p', {className: 'meta'}, time(item.published, locale),
            item.comments ? h('span', {className: 'teaser-comments'}, ' · Comments (' + item.comments.count + ')')
                : null),
        extra || null,
        item.lead ? h('p', {className: 'lead'}, item.lead) : null,
        tags(item.tags)));
}

function tags(list) {
    if (!list || !list.length) {
        return null;
    }
    return h('ul', {className: 'tags', 'aria-label': 'Tags'},
        list.map((tag) => h('li', {}, h('a', {href: '#/tag/' + encodeURIComponent(tag), rel: 'tag'}, tag))));
}

function pager(r, next, label) {
    const links = [];
    if (r.query.has('cursor')) {
        links.push(h('a', {href: '#' + r.base, className: 'first'}, '« First page'));
    }
    if (next) {
        links.push(h('a', {href: nextHref(r.base, next), className: 'older', rel: 'next'}, label + ' »'));
    }
    return links.length ? h('nav', {className: 'pager', 'aria-label': 'Pages'}, links) : null;
}

async function listing(r, title, url, defaults, month_) {
    const page = await getJson(url + '?' + query(r.query, defaults));
    const items = page.items || [];
    const first = items[0] && items[0].published ? items[0].published.slice(0, 7) : null;
    return {
        title: title,
        month: month_ || first,
        nodes: [
            h('h1', {}, title),
            items.length ? h('ol', {className: 'teasers'}, items.map((i) => teaser(i)))
                : h('p', {className: 'empty'}, 'No articles here yet.'),
            pager(r, page.next, 'Older articles')
        ]
    };
}

async function archive(r, value, pattern) {
    if (!pattern.test(value || '')) {
        throw new ApiError(404, null, 'No such day or month in the archive.');
    }
    const path = value.replace(/-/g, '/');
    const day = value.length === 10;
    const title = day ? 'Articles of ' + date(value, locale) : 'Articles of ' + month(value, locale, 'long');
    const page = await listing(r, title, API + SITE + '/articles/' + path + '.json', {limit: PAGE_SIZE},
        value.slice(0, 7));
    page.day = day ? value : null;
    return page;
}

async function search(r) {
    const q = (r.query.get('q') || '').trim();
    document.getElementById('search-q').value = q;
    const title = q ? 'Search results for “' + q + '”' : 'Search';
    if (!q) {
        return {title: title, nodes: [h('h1', {}, title), h('p', {}, 'Type a word or a "quoted phrase" above.')]};
    }
    let page;
    try {
        page = await getJson(API + SITE + '.search.json?' + query(r.query, {limit: PAGE_SIZE}));
    } catch (e) {
        if (e instanceof ApiError && e.status === 404) {
            return {title: title, nodes: [h('h1', {}, title), h('p', {className: 'notice'},
                'Search is not available on this news server yet. Browse the latest news or the archive instead.')]};
        }
        if (e instanceof ApiError && e.status === 400) {
            return {title: title, nodes: [h('h1', {}, title), h('p', {className: 'notice', role: 'alert'},
                'This search cannot be run: ' + e.message)]};
        }
        throw e;
    }
    const items = page.items || [];
    return {
        title: title,
        nodes: [
            h('h1', {}, title),
            items.length ? h('ol', {className: 'teasers results'},
                items.map((i) => teaser(i, i.snippet ? snippet(i.snippet) : null)))
                : h('p', {className: 'empty'}, 'Nothing found for “' + q + '”.'),
            pager(r, page.next, 'More results')
        ]
    };
}

async function articlePage(path) {
    const article = await getJson(API + path + '.json');
    const reuse = article.reuse || {};
    const story = h('article', {className: 'story', 'aria-labelledby': 'story-title'},
        h('header', {className: 'story-head'},
            h('h1', {id: 'story-title'}, article.title),
            h('p', {className: 'meta'}, time(article.published, locale),
                article.author ? h('span', {className: 'byline'}, ' · ' + article.author) : null),
            article.lead ? h('p', {className: 'lead'}, article.lead) : null),
        articleBody(article.body),
        h('footer', {className: 'story-foot'},
            reuse.policy || reuse.attributionUrl ? h('p', {className: 'reuse'},
                h('strong', {}, 'Reuse: '), reuse.policy ? reuse.policy + ' ' : '',
                reuse.attributionUrl ? h('a', {href: reuse.attributionUrl, className: 'attribution'},
                    reuse.attributionUrl) : null) : null,
            tags(article.tags)));
    const comments = await commentsSection(article, API, locale);
    return {
        title: article.title,
        month: article.published ? article.published.slice(0, 7) : null,
        day: article.published ? article.published.slice(0, 10) : null,
        nodes: [story, comments]
    };
}

function failure(e) {
    const status = e instanceof ApiError ? e.status : 0;
    const title = status === 404 ? 'Not found' : 'Something went wrong';
    return {
        title: title,
        nodes: [h('h1', {}, title), h('p', {className: 'notice', role: 'alert'}, e.message),
            h('p', {}, h('a', {href: '#/'}, 'Back to the latest news'))]
    };
}

// ---- the calendar -----------------------------------------------------------------------------------------------

async function showCalendar(ym, day) {
    const key = (ym || 'current') + ' ' + (day || '');
    if (key === shownMonth) {
        return;
    }
    shownMonth = key;
    try {
        const doc = await getJson(API + SITE + (ym ? '.calendar.' + ym : '.calendar') + '.json');
        if (shownMonth === key) {
            calendarBox.replaceChildren(calendar(doc, locale, day));
        }
    } catch (e) {
        calendarBox.replaceChildren(h('p', {className: 'error'}, 'The calendar could not be loaded: ' + e.message));
    }
}

// ---- the rest ---------------------------------------------------------------------------------------------------

function markNavigation(r) {
    for (const link of document.querySelectorAll('.sections a')) {
        if (r.path.length === 0 && link.dataset.nav === 'latest') {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
}

function announce(message) {
    announcer.textContent = '';
    setTimeout(() => {
        announcer.textContent = message;
    }, 50);
}

document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = document.getElementById('search-q').value.trim();
    if (q) {
        location.hash = '#/search?q=' + encodeURIComponent(q);
    }
});

document.getElementById('skip').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
});

window.addEventListener('hashchange', render);

loadSite().then(render, (e) => {
    main.replaceChildren(h('h1', {}, 'The news cannot be shown'), h('p', {className: 'notice', role: 'alert'},
        e.message + ' (API ' + API + ', site ' + SITE + ')'));
    calendarBox.replaceChildren();
});
