/*
 * The archive calendar: the month's grid as the API gives it (rows of seven days from the site's first day of the
 * week), days with articles linked to their day's listing, and "« Dec  Feb »" to the nearest months with articles.
 */
import {date, h, month} from './html.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** The full name of the weekday in column {@code column} of a grid that starts on {@code first}. */
function weekdayName(first, column, locale) {
    const start = Math.max(0, DAYS.indexOf(first));
    const monday = Date.UTC(2024, 0, 1); // a Monday
    const when = new Date(monday + ((start + column) % 7) * 86400000);
    try {
        return new Intl.DateTimeFormat(locale, {weekday: 'long', timeZone: 'UTC'}).format(when);
    } catch (e) {
        return new Intl.DateTimeFormat('en', {weekday: 'long', timeZone: 'UTC'}).format(when);
    }
}

function pad(n) {
    return String(n).padStart(2, '0');
}

function articles(count) {
    return count === 1 ? '1 article' : count + ' articles';
}

/** The calendar of one month; {@code selected} is a YYYY-MM-DD day to mark as the current one. */
export function calendar(doc, locale, selected) {
    const counts = new Map((doc.days || []).map((d) => [d.date, d.count]));
    const head = h('tr', {}, (doc.weekdays || []).map((w, i) =>
        h('th', {scope: 'col'}, h('abbr', {title: weekdayName(doc.firstDayOfWeek, i, locale)}, w))));
    const rows = (doc.weeks || []).map((week) => h('tr', {}, week.map((cell) => {
        if (!cell) {
            return h('td', {className: 'outside'});
        }
        const iso = doc.month + '-' + pad(cell.day);
        const count = counts.get(iso) || cell.count || 0;
        if (!count) {
            return h('td', {}, String(cell.day));
        }
        return h('td', {className: 'has-articles'}, h('a', {
            href: '#/day/' + iso,
            'aria-label': date(iso, locale) + ', ' + articles(count),
            'aria-current': iso === selected ? 'date' : null
        }, String(cell.day)));
    })));
    const caption = month(doc.month, locale, 'long');
    const table = h('table', {className: 'calendar'},
        h('caption', {}, h('a', {href: '#/month/' + doc.month}, caption)),
        h('thead', {}, head),
        h('tbody', {}, rows));
    const previous = doc.previous && doc.previous.month;
    const next = doc.next && doc.next.month;
    const links = h('p', {className: 'calendar-nav'},
        previous ? h('a', {
            href: '#/month/' + previous, rel: 'prev', className: 'previous',
            'aria-label': 'Previous month with articles: ' + month(previous, locale, 'long')
        }, '« ' + month(previous, locale, 'short')) : h('span', {className: 'previous'}),
        next ? h('a', {
            href: '#/month/' + next, rel: 'next', className: 'next',
            'aria-label': 'Next month with articles: ' + month(next, locale, 'long')
        }, month(next, locale, 'short') + ' »') : h('span', {className: 'next'}));
    return h('nav', {className: 'archive-calendar', 'aria-label': 'Archive calendar, ' + caption}, table, links);
}
