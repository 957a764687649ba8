/*
 * "Comments (N)" with the approved threads, and "Leave a Reply": the form token from {article}.comment-form.json,
 * a JSON POST to its action (a preflighted cross-origin request), problem+json errors next to their fields and
 * "awaiting moderation" after a 202.
 */
import {ApiError, getJson, postJson} from './api.js';
import {commentText, h, time} from './html.js';

const FIELDS = [
    {name: 'text', label: 'Comment', tag: 'textarea', required: true, maxLength: 5000},
    {name: 'author', label: 'Name', type: 'text', required: true, maxLength: 100, autocomplete: 'name'},
    {name: 'email', label: 'Email', type: 'email', required: true, maxLength: 254, autocomplete: 'email',
        hint: 'Never published.'},
    {name: 'url', label: 'Website', type: 'url', maxLength: 2000, autocomplete: 'url'}
];

function comment(item, locale, onReply) {
    const id = 'comment-' + item.id;
    const name = item.url
        ? h('a', {href: item.url, rel: 'nofollow ugc noopener', className: 'comment-author'}, item.author)
        : h('span', {className: 'comment-author'}, item.author);
    const replies = (item.replies || []).map((r) => comment(r, locale, onReply));
    return h('li', {className: 'comment', id: id},
        h('article', {'aria-label': 'Comment by ' + item.author},
            h('header', {className: 'comment-head'},
                h('p', {}, name, h('span', {className: 'says'}, ' says:')),
                h('p', {className: 'comment-date'}, time(item.published, locale))),
            commentText(item.text),
            onReply ? h('button', {
                type: 'button', className: 'reply-button', 'aria-label': 'Reply to ' + item.author,
                onclick: () => onReply(item)
            }, 'Reply') : null),
        replies.length ? h('ol', {className: 'children'}, replies) : null);
}

function field(spec, form) {
    const id = 'reply-' + spec.name;
    const described = [spec.hint ? id + '-hint' : null, id + '-error'].filter(Boolean).join(' ');
    const control = h(spec.tag || 'input', {
        id: id, name: spec.name, type: spec.tag ? null : spec.type, required: !!spec.required,
        maxLength: spec.maxLength, autocomplete: spec.autocomplete || 'off', rows: spec.tag ? 6 : null,
        'aria-describedby': described
    });
    form.controls[spec.name] = control;
    form.errors[spec.name] = h('p', {className: 'field-error', id: id + '-error'});
    return h('div', {className: 'field'},
        h('label', {for: id}, spec.label, spec.required ? h('span', {className: 'required'}, ' (required)') : null),
        spec.hint ? h('p', {className: 'hint', id: id + '-hint'}, spec.hint) : null,
        control,
        form.errors[spec.name]);
}

/** The "Leave a Reply" section; {@code form} is the comment-form document. */
function replyForm(formDoc, locale, onSent) {
    const loadedAt = Date.now();
    const state = {controls: {}, errors: {}, parent: null};
    const alert = h('p', {className: 'form-alert', role: 'alert'});
    const status = h('p', {className: 'form-status', role: 'status'});
    const replyingName = h('strong');
    const replyingTo = h('p', {className: 'replying-to', hidden: true}, 'Replying to ', replyingName, '. ',
        h('button', {type: 'button', className: 'link-button', onclick: () => setParent(null)}, 'Cancel reply'));
    // the honeypot: people never see it, bots fill it
    const trap = h('div', {className: 'trap', 'aria-hidden': 'true'},
        h('label', {for: 'reply-trap'}, 'Leave this field empty'),
        h('input', {id: 'reply-trap', name: formDoc.honeypot || 'website', type: 'text', tabIndex: -1,
            autocomplete: 'off'}));
    const submit = h('button', {type: 'submit', className: 'primary'}, 'Post Comment');
    const form = h('form', {className: 'reply-form', noValidate: true, 'aria-labelledby': 'reply-title'},
        replyingTo,
        h('p', {className: 'hint'}, 'Your email address will not be published. Comments are moderated.'),
        FIELDS.map((f) => field(f, state)), trap, alert, h('p', {}, submit), status);
    const section = h('section', {className: 'reply', 'aria-labelledby': 'reply-title'},
        h('h2', {id: 'reply-title', tabIndex: -1}, 'Leave a Reply'), form);

    function setParent(item) {
        state.parent = item ? item.id : null;
        replyingTo.hidden = !item;
        replyingName.textContent = item ? item.author : '';
        if (item) {
            state.controls.text.focus();
        }
    }

    function clearErrors() {
        alert.textContent = '';
        status.textContent = '';
        for (const name of Object.keys(state.controls)) {
            state.errors[name].textContent = '';
            state.controls[name].removeAttribute('aria-invalid');
        }
    }

    function showErrors(errors) {
        let first = null;
        const general = [];
        for (const [name, message] of Object.entries(errors)) {
            const control = state.controls[name];
            if (control) {
                state.errors[name].textContent = message;
                control.setAttribute('aria-invalid', 'true');
                first = first || control;
            } else {
                general.push(name === 'token' ? 'The form has expired: reload the page.' : name + ': ' + message);
            }
        }
        if (general.length) {
            alert.textContent = general.join(' ');
        }
        if (first) {
            first.focus();
        }
    }

    function localCheck() {
        const errors = {};
        for (const spec of FIELDS) {
            const control = state.controls[spec.name];
            if (spec.required && !control.value.trim()) {
                errors[spec.name] = spec.label + ' is required.';
            } else if (control.value && !control.validity.valid) {
                errors[spec.name] = spec.type === 'email' ? 'Enter an email address such as anna@example.am.'
                    : spec.type === 'url' ? 'Enter a web address starting with http:// or https://.' : 'Check this field.';
            }
        }
        return errors;
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors();
        const problems = localCheck();
        if (Object.keys(problems).length) {
            showErrors(problems);
            return;
        }
        const document_ = {token: formDoc.token};
        for (const spec of FIELDS) {
            const value = state.controls[spec.name].value.trim();
            if (value) {
                document_[spec.name] = value;
            }
        }
        document_[formDoc.honeypot || 'website'] = trap.querySelector('input').value;
        if (state.parent) {
            document_.parent = state.parent;
        }
        submit.disabled = true;
        submit.textContent = 'Posting…';
        try {
            // the API files a comment sent sooner than minFillSeconds after its form as spam: a person who types
            // that fast (or an autofill) waits the rest of it here
            const wait = (formDoc.minFillSeconds || 0) * 1000 + 300 - (Date.now() - loadedAt);
            if (wait > 0) {
                await new Promise((resolve) => setTimeout(resolve, wait));
            }
            const answer = await postJson(formDoc.action, document_);
            state.controls.text.value = '';
            setParent(null);
            status.textContent = answer.body && answer.body.status === 'approved'
                ? 'Thank you, your comment is published.'
                : 'Thank you, ' + document_.author + '. Your comment is awaiting moderation.';
            onSent(answer.body);
        } catch (e) {
            if (e instanceof ApiError && e.status === 400 && Object.keys(e.fieldErrors()).length) {
                showErrors(e.fieldErrors());
            } else if (e instanceof ApiError && e.status === 429) {
                alert.textContent = 'You are sending comments too fast: ' + e.message;
            } else {
                alert.textContent = e.message;
            }
        } finally {
            submit.disabled = false;
            submit.textContent = 'Post Comment';
        }
    });
    return {section: section, reply: setParent};
}

/** The comments section of an article: the threads, then the form (or why there is none). */
export async function commentsSection(article, api, locale) {
    const count = h('span', {className: 'count'}, String(article.comments ? article.comments.count : 0));
    const heading = h('h2', {id: 'comments-title'}, 'Comments (', count, ')');
    const list = h('ol', {className: 'comment-list'});
    const empty = h('p', {className: 'no-comments'}, 'No comments yet.');
    const more = h('button', {type: 'button', className: 'more', hidden: true}, 'Older comments');
    const section = h('section', {className: 'comments', 'aria-labelledby': 'comments-title'}, heading, empty, list,
        more);
    let reply = null;
    let next = null;

    async function load(url) {
        const page = await getJson(url);
        count.textContent = String(page.count);
        for (const item of page.items || []) {
            list.append(comment(item, locale, reply ? (c) => reply.reply(c) : null));
        }
        empty.hidden = list.children.length > 0;
        next = page.next;
        more.hidden = !next;
    }

    more.addEventListener('click', () => load(next).catch((e) => {
        more.replaceWith(h('p', {className: 'error'}, e.message));
    }));

    const href = article.comments && article.comments.href;
    const formUrl = api + article.path + '.comment-form.json';
    let formDoc = null;
    let closed = article.comments && article.comments.open === false;
    if (!closed) {
        try {
            formDoc = await getJson(formUrl);
        } catch (e) {
            closed = e instanceof ApiError && e.status === 403;
            if (!closed) {
                section.append(h('p', {className: 'error'}, 'The comment form could not be loaded: ' + e.message));
            }
        }
    }
    if (formDoc) {
        reply = replyForm(formDoc, locale, () => undefined);
    }
    if (href) {
        try {
            await load(href);
        } catch (e) {
            section.append(h('p', {className: 'error'}, 'The comments could not be loaded: ' + e.message));
        }
    }
    if (reply) {
        section.append(reply.section);
    } else if (closed) {
        section.append(h('p', {className: 'closed'}, 'Comments are closed.'));
    }
    return section;
}
