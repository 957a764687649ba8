/*
 * Newsfeed console: articles, comment moderation and site settings over the JSON API of the site.
 * Plain JavaScript, no build step. Every piece of data is put into the page with textContent, DOM properties or
 * setAttribute on attributes that cannot run script; the only HTML parsed is an article body, which goes through
 * DOMParser (inert) and is rebuilt element by element from an allow-list.
 */
(function () {
    'use strict';

    var body = document.body;
    var SITE = body.dataset.site;
    var ZONE = body.dataset.timeZone;
    var ROLES = {
        author: body.dataset.author === 'true',
        moderator: body.dataset.moderator === 'true',
        admin: body.dataset.admin === 'true'
    };
    var main = document.getElementById('main');
    var statusEl = document.getElementById('status');
    var alertEl = document.getElementById('alert');
    var SITE_TITLE = document.querySelector('.site-title');
    var render = 0;
    var firstRoute = true;
    /** A message for the next screen to say instead of its own (e.g. "Deleted" after leaving the editor). */
    var carried = null;

    // ---- small helpers -------------------------------------------------------------------------------------

    function $(root, selector) {
        return root.querySelector(selector);
    }

    function $$(root, selector) {
        return Array.prototype.slice.call(root.querySelectorAll(selector));
    }

    function text(el, value) {
        el.textContent = value === null || value === undefined ? '' : String(value);
    }

    function clone(id) {
        return document.getElementById(id).content.firstElementChild.cloneNode(true);
    }

    var timers = {};

    /** Sets a live region's text after emptying it, so that the same message twice is read out twice. */
    function announce(el, message) {
        quiet(el);
        timers[el.id] = window.setTimeout(function () {
            el.textContent = message;
        }, 30);
    }

    function quiet(el) {
        window.clearTimeout(timers[el.id]);
        el.textContent = '';
    }

    /** A status message, read out politely. */
    function say(message) {
        quiet(alertEl);
        announce(statusEl, message);
    }

    /** An error, read out at once. */
    function fail(message) {
        quiet(statusEl);
        announce(alertEl, message);
    }

    function quoted(title) {
        return '\u201c' + title + '\u201d';
    }

    /** "2022-02-01 00:30" from "2022-02-01T00:30:00+04:00": the API already gives the site's local time. */
    function localTime(iso) {
        return iso ? iso.slice(0, 10) + ' ' + iso.slice(11, 16) : '';
    }

    function capitalize(s) {
        return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
    }

    function plural(n, one, many) {
        return n + ' ' + (n === 1 ? one : many);
    }

    /** Path and query of an absolute URL of the API: links in documents may name the public host. */
    function local(url) {
        var u = new URL(url, window.location.href);
        return u.pathname + u.search;
    }

    function editHash(path) {
        return '#edit?path=' + encodeURIComponent(path);
    }

    function safeUrl(value) {
        try {
            var u = new URL(value, window.location.href);
            return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:';
        } catch (e) {
            return false;
        }
    }

    // ---- the API ---------------------------------------------------------------------------------------------

    function ApiError(status, problem) {
        this.status = status;
        this.problem = problem || {};
        this.message = (problem && (problem.detail || problem.title)) || ('The server answered ' + status + '.');
    }

    var csrfToken = null;

    function token() {
        if (csrfToken) {
            return Promise.resolve(csrfToken);
        }
        return request('GET', SITE + '.csrf.json').then(function (answer) {
            csrfToken = answer.token;
            return csrfToken;
        });
    }

    function request(method, url, data, retried) {
        var headers = {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'};
        var init = {method: method, headers: headers, credentials: 'same-origin', cache: 'no-store'};
        var ready = Promise.resolve();
        if (method !== 'GET') {
            headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(data || {});
            ready = token().then(function (t) {
                headers['X-Newsfeed-CSRF'] = t;
            });
        }
        return ready.then(function () {
            return fetch(url, init).catch(function () {
                throw new ApiError(0, {detail: 'The server cannot be reached. Check the connection and try again.'});
            });
        }).then(function (response) {
            if (response.status === 204) {
                return null;
            }
            var type = response.headers.get('Content-Type') || '';
            var parsed = type.indexOf('json') >= 0 ? response.json().catch(function () {
                return null;
            }) : Promise.resolve(null);
            return parsed.then(function (json) {
                if (response.ok) {
                    return json;
                }
                if (response.status === 403 && json && /:csrf$/.test(json.type || '') && !retried) {
                    csrfToken = null; // expired or from before a restart: fetch a new one, once
                    return request(method, url, data, true);
                }
                if (response.status === 401) {
                    sessionEnded();
                }
                throw new ApiError(response.status, json);
            });
        });
    }

    var api = {
        get: function (url) {
            return request('GET', url);
        },
        post: function (url, data) {
            return request('POST', url, data);
        }
    };

    function sessionEnded() {
        quiet(statusEl);
        quiet(alertEl);
        var message = document.createElement('span');
        message.textContent = 'Your session has ended. ';
        var again = document.createElement('a');
        again.href = window.location.pathname;
        again.textContent = 'Sign in again';
        alertEl.appendChild(message);
        alertEl.appendChild(again);
    }

    function report(error) {
        if (error instanceof ApiError) {
            if (error.status !== 401) {
                fail(error.message);
            }
        } else {
            fail('Something went wrong: ' + (error && error.message ? error.message : error));
            if (window.console) {
                window.console.error(error);
            }
        }
    }

    // ---- forms: errors next to their fields -----------------------------------------------------------------

    function clearErrors(view) {
        $$(view, '[aria-invalid]').forEach(function (el) {
            el.removeAttribute('aria-invalid');
        });
        $$(view, '.error').forEach(function (el) {
            el.textContent = '';
        });
    }

    /** Shows the API's field errors by the fields ({@code prefix + field}) and moves focus to the first. */
    function showErrors(view, errors, prefix, labels) {
        var first = null;
        var other = [];
        errors.forEach(function (e) {
            var input = view.querySelector('#' + prefix + CSS.escape(e.field))
                || view.querySelector('[name="' + CSS.escape(e.field) + '"]');
            var message = view.querySelector('#' + prefix + CSS.escape(e.field) + '-error');
            if (message) {
                text(message, capitalize(e.message) + '.');
            } else {
                other.push((labels[e.field] || e.field) + ' ' + e.message);
            }
            if (input) {
                input.setAttribute('aria-invalid', 'true');
                first = first || input;
            }
        });
        fail(errors.length === 1 ? 'One field needs attention' + (other.length ? ': ' + other.join('; ') : '.')
            : errors.length + ' fields need attention' + (other.length ? ': ' + other.join('; ') : '.'));
        if (first) {
            first.focus();
        }
    }

    function problemErrors(error) {
        return error instanceof ApiError && error.status === 400 && error.problem.errors ? error.problem.errors : null;
    }

    // ---- dialogs ---------------------------------------------------------------------------------------------

    /** A modal question; resolves true for the confirming button. Focus starts on Cancel and returns after. */
    function confirm(title, question, okLabel) {
        var dialog = document.getElementById('confirm-dialog');
        var form = $(dialog, 'form');
        var cancel = $(dialog, '.cancel');
        var opener = document.activeElement;
        text($(dialog, 'h2'), title);
        text($(dialog, '#confirm-text'), question);
        text($(dialog, '.ok'), okLabel);
        return new Promise(function (resolve) {
            function done(answer) {
                form.onsubmit = null;
                cancel.onclick = null;
                dialog.oncancel = null;
                dialog.close();
                if (opener && opener.isConnected) {
                    opener.focus();
                }
                resolve(answer);
            }
            form.onsubmit = function (event) {
                event.preventDefault();
                done(true);
            };
            cancel.onclick = function () {
                done(false);
            };
            dialog.oncancel = function (event) {
                event.preventDefault();
                done(false);
            };
            dialog.showModal();
            cancel.focus();
        });
    }

    // ---- the rich-text editor --------------------------------------------------------------------------------

    /** Elements (and their attributes) an article body may hold: the API's sanitiser policy. */
    var ALLOWED = {
        P: [], BR: [], HR: [], H2: [], H3: [], H4: [], H5: [], H6: [], BLOCKQUOTE: ['cite'], Q: ['cite'],
        CITE: [], EM: [], STRONG: [], B: [], I: [], U: [], S: [], SUB: [], SUP: [], SMALL: [], MARK: [],
        ABBR: ['title'], UL: [], OL: [], LI: [], DL: [], DT: [], DD: [], PRE: [], CODE: [], FIGURE: [],
        FIGCAPTION: [], IMG: ['src', 'alt', 'width', 'height'], A: ['href', 'title', 'hreflang'], TABLE: [],
        THEAD: [], TBODY: [], TR: [], TH: ['colspan', 'rowspan', 'scope'], TD: ['colspan', 'rowspan', 'scope'],
        CAPTION: []
    };
    /** Elements that may not hold blocks: when the browser nests a list in one, the outer one goes. */
    var INLINE_ONLY = ['P', 'H2', 'H3', 'H4', 'H5', 'H6'];
    var BLOCKS = ['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'DL', 'PRE', 'FIGURE', 'TABLE', 'HR',
        'DIV'];
    /** Dropped with everything inside. */
    var DROP = ['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'NOSCRIPT', 'TITLE',
        'META', 'LINK', 'HEAD', 'FORM', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'FRAME', 'FRAMESET', 'AUDIO',
        'VIDEO', 'CANVAS'];
    var URL_ATTRIBUTES = ['href', 'src', 'cite'];

    function isBlock(node) {
        return node.nodeType === 1 && BLOCKS.indexOf(node.nodeName.toUpperCase()) >= 0;
    }

    /** Copies the allowed part of {@code from}'s children into {@code to}, with new elements (never markup). */
    function cleanInto(from, to) {
        Array.prototype.slice.call(from.childNodes).forEach(function (node) {
            if (node.nodeType === 3) {
                to.appendChild(document.createTextNode(node.nodeValue));
                return;
            }
            if (node.nodeType !== 1) {
                return;
            }
            var name = node.nodeName.toUpperCase();
            if (DROP.indexOf(name) >= 0) {
                return;
            }
            if (name === 'DIV') {
                name = 'P'; // Chrome's line container
            }
            if (INLINE_ONLY.indexOf(name) >= 0 && Array.prototype.some.call(node.childNodes, isBlock)) {
                name = null; // e.g. <p><ul>…</ul></p>: keep what is inside
            }
            var attributes = name ? ALLOWED[name] : null;
            if (!attributes) {
                cleanInto(node, to); // unknown element: keep its content
                return;
            }
            var el = document.createElement(name.toLowerCase());
            attributes.forEach(function (attribute) {
                var value = node.getAttribute(attribute);
                if (value !== null && (URL_ATTRIBUTES.indexOf(attribute) < 0 || safeUrl(value))) {
                    el.setAttribute(attribute, value);
                }
            });
            cleanInto(node, el);
            to.appendChild(el);
        });
    }

    /** Puts an API body into the editor: parsed inert by DOMParser, rebuilt from the allow-list. */
    function loadBody(editor, html) {
        editor.replaceChildren();
        var doc = new DOMParser().parseFromString(html || '', 'text/html');
        cleanInto(doc.body, editor);
    }

    /** The editor's content as HTML for the API: allowed elements only, loose text in paragraphs. */
    function bodyHtml(editor) {
        var clean = document.createElement('div');
        cleanInto(editor, clean);
        var out = document.createElement('div');
        var paragraph = null;
        Array.prototype.slice.call(clean.childNodes).forEach(function (node) {
            if (isBlock(node)) {
                paragraph = null;
                out.appendChild(node);
            } else if (!paragraph && ((node.nodeType === 3 && !node.nodeValue.trim()) || node.nodeName === 'BR')) {
                // whitespace or a line break between blocks
            } else {
                if (!paragraph) {
                    paragraph = document.createElement('p');
                    out.appendChild(paragraph);
                }
                paragraph.appendChild(node);
            }
        });
        $$(out, 'p, li, h2, h3, h4, h5, h6, blockquote').forEach(function (el) {
            if (!el.textContent.trim() && !el.querySelector('img')) {
                el.remove(); // an empty line left by editing
            }
        });
        $$(out, 'ul, ol').forEach(function (list) {
            if (!list.children.length) {
                list.remove();
            }
        });
        return out.innerHTML;
    }

    function setUpEditor(view) {
        var editor = $(view, '.rte');
        var toolbar = $(view, '.toolbar');
        var buttons = $$(toolbar, 'button');
        var saved = null;
        document.execCommand('defaultParagraphSeparator', false, 'p');
        document.execCommand('styleWithCSS', false, false);

        function selectionInEditor() {
            var selection = window.getSelection();
            return selection.rangeCount > 0 && editor.contains(selection.getRangeAt(0).commonAncestorContainer)
                ? selection.getRangeAt(0) : null;
        }

        /** Focus back in the editor; the last selection in it again when it was lost (a dialog, a click away). */
        function restore() {
            var inside = selectionInEditor();
            editor.focus();
            if (!inside && saved) {
                var selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(saved);
            }
        }

        /** Typing at the top level (an empty editor) starts a paragraph, so every line is a block. */
        function paragraphs() {
            var at = selectionInEditor();
            if (at && at.startContainer.nodeType === 3 && at.startContainer.parentNode === editor) {
                document.execCommand('formatBlock', false, 'p');
            }
        }

        function update() {
            var range = selectionInEditor();
            if (range) {
                saved = range.cloneRange();
            }
            ['bold', 'italic'].forEach(function (command) {
                var button = $(toolbar, '[data-cmd="' + command + '"]');
                button.setAttribute('aria-pressed', range && document.queryCommandState(command) ? 'true' : 'false');
            });
        }

        function inside(tag) {
            var range = selectionInEditor();
            for (var node = range && range.startContainer; node && node !== editor; node = node.parentNode) {
                if (node.nodeName === tag) {
                    return node;
                }
            }
            return null;
        }

        function run(command) {
            restore();
            switch (command) {
                case 'bold':
                case 'italic':
                    document.execCommand(command);
                    break;
                case 'p':
                    document.execCommand('formatBlock', false, 'p');
                    break;
                case 'h2':
                    document.execCommand('formatBlock', false, inside('H2') ? 'p' : 'h2');
                    break;
                case 'quote':
                    document.execCommand('formatBlock', false, inside('BLOCKQUOTE') ? 'p' : 'blockquote');
                    break;
                case 'ul':
                    list('UL');
                    break;
                case 'ol':
                    list('OL');
                    break;
                case 'link':
                    link(inside('A'));
                    return;
            }
            update();
        }

        /** The child of the editor that holds a node. */
        function topBlock(node) {
            while (node && node.parentNode !== editor) {
                node = node.parentNode;
            }
            return node;
        }

        /**
         * Makes the selected lines a list, or the list back into paragraphs (Chromium's own list command nests lists
         * in paragraphs and loses the caret). The text nodes move, not copied, so the caret stays where it was.
         */
        function list(tag) {
            var range = selectionInEditor();
            var first = range && topBlock(range.startContainer);
            if (!first) {
                return;
            }
            var last = topBlock(range.endContainer) || first;
            var caret = {node: range.startContainer, offset: range.startOffset};
            var blocks = [];
            for (var n = first; n; n = n.nextSibling) {
                blocks.push(n);
                if (n === last) {
                    break;
                }
            }
            if (blocks.length === 1 && (first.nodeName === 'UL' || first.nodeName === 'OL')) {
                if (first.nodeName === tag) {
                    Array.prototype.slice.call(first.children).forEach(function (item) {
                        var p = document.createElement('p');
                        while (item.firstChild) {
                            p.appendChild(item.firstChild);
                        }
                        editor.insertBefore(p, first);
                    });
                    first.remove();
                } else {
                    var other = document.createElement(tag.toLowerCase());
                    while (first.firstChild) {
                        other.appendChild(first.firstChild);
                    }
                    editor.replaceChild(other, first);
                }
            } else {
                var items = document.createElement(tag.toLowerCase());
                editor.insertBefore(items, first);
                blocks.forEach(function (block) {
                    if (block.nodeName === 'UL' || block.nodeName === 'OL') {
                        while (block.firstChild) {
                            items.appendChild(block.firstChild);
                        }
                        block.remove();
                        return;
                    }
                    var item = document.createElement('li');
                    if (block.nodeType === 3 || !isBlock(block)) {
                        item.appendChild(block);
                    } else {
                        while (block.firstChild) {
                            item.appendChild(block.firstChild);
                        }
                        block.remove();
                    }
                    items.appendChild(item);
                });
            }
            var at = document.createRange();
            if (editor.contains(caret.node)) {
                at.setStart(caret.node, Math.min(caret.offset,
                    caret.node.nodeType === 3 ? caret.node.length : caret.node.childNodes.length));
            } else {
                at.selectNodeContents(editor);
            }
            at.collapse(true);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(at);
        }

        function link(current) {
            var dialog = document.getElementById('link-dialog');
            var form = $(dialog, 'form');
            var input = $(dialog, '#link-url');
            var error = $(dialog, '#link-error');
            var cancel = $(dialog, '.cancel');
            var range = saved;
            input.value = current ? current.getAttribute('href') || '' : '';
            input.removeAttribute('aria-invalid');
            error.textContent = '';
            function close() {
                form.onsubmit = null;
                cancel.onclick = null;
                dialog.oncancel = null;
                dialog.close();
                saved = range;
                restore();
            }
            form.onsubmit = function (event) {
                event.preventDefault();
                var url = input.value.trim();
                if (url && !/^(https?:\/\/|mailto:)/i.test(url)) {
                    input.setAttribute('aria-invalid', 'true');
                    text(error, 'Enter an address starting with https://, http:// or mailto:.');
                    input.focus();
                    return;
                }
                close();
                if (!url) {
                    document.execCommand('unlink');
                } else if (window.getSelection().isCollapsed && !current) {
                    var a = document.createElement('a');
                    a.href = url;
                    a.textContent = url;
                    var r = window.getSelection().getRangeAt(0);
                    r.insertNode(a);
                    r.setStartAfter(a);
                    r.collapse(true);
                } else {
                    document.execCommand('createLink', false, url);
                }
                update();
            };
            cancel.onclick = close;
            dialog.oncancel = function (event) {
                event.preventDefault();
                close();
            };
            dialog.showModal();
            input.focus();
        }

        buttons.forEach(function (button, i) {
            // keep the selection in the editor when a button is clicked with the mouse
            button.addEventListener('mousedown', function (event) {
                event.preventDefault();
            });
            button.addEventListener('click', function () {
                run(button.dataset.cmd);
            });
            button.addEventListener('keydown', function (event) {
                var to = null;
                if (event.key === 'ArrowRight') {
                    to = buttons[(i + 1) % buttons.length];
                } else if (event.key === 'ArrowLeft') {
                    to = buttons[(i - 1 + buttons.length) % buttons.length];
                } else if (event.key === 'Home') {
                    to = buttons[0];
                } else if (event.key === 'End') {
                    to = buttons[buttons.length - 1];
                }
                if (to) {
                    event.preventDefault();
                    buttons.forEach(function (b) {
                        b.tabIndex = -1;
                    });
                    to.tabIndex = 0;
                    to.focus();
                }
            });
        });
        editor.addEventListener('input', paragraphs);
        editor.addEventListener('keyup', update);
        editor.addEventListener('mouseup', update);
        editor.addEventListener('input', update);
        editor.addEventListener('blur', update);
        editor.addEventListener('paste', function (event) {
            var data = event.clipboardData;
            if (!data) {
                return;
            }
            event.preventDefault();
            var html = data.getData('text/html');
            if (html) {
                var fragment = document.createDocumentFragment();
                cleanInto(new DOMParser().parseFromString(html, 'text/html').body, fragment);
                var range = selectionInEditor();
                if (range) {
                    range.deleteContents();
                    var last = fragment.lastChild;
                    range.insertNode(fragment);
                    if (last) {
                        range.setStartAfter(last);
                        range.collapse(true);
                    }
                }
            } else {
                document.execCommand('insertText', false, data.getData('text/plain'));
            }
        });
        return editor;
    }

    // ---- screens ---------------------------------------------------------------------------------------------

    var STATUS_LABELS = {draft: 'Draft', scheduled: 'Scheduled', published: 'Published'};

    function mount(view, title) {
        quiet(statusEl);
        quiet(alertEl);
        main.replaceChildren(view);
        document.title = title + ' \u00b7 ' + SITE_TITLE.textContent + ' \u00b7 Newsfeed console';
        if (!firstRoute) {
            var heading = $(view, 'h1');
            if (heading) {
                heading.focus();
            }
        }
        firstRoute = false;
    }

    function articlesScreen(params, id) {
        var view = clone('t-articles');
        var form = $(view, 'form');
        var tbody = $(view, 'tbody');
        var more = $(view, '.more');
        var empty = $(view, '.empty');
        var month = params.get('month') || '';
        form.elements.status.value = ['draft', 'scheduled', 'published'].indexOf(params.get('status')) >= 0
            ? params.get('status') : 'all';
        form.elements.q.value = params.get('q') || '';
        $$(view, '.zone').forEach(function (z) {
            text(z, '(' + ZONE + ')');
        });
        mount(view, 'Articles');
        var monthsShown = false;
        var next = null;

        function row(item) {
            var tr = clone('t-article-row');
            var title = $(tr, '.title');
            text(title, item.title);
            title.href = editHash(item.path);
            var badge = $(tr, '.badge');
            text(badge, STATUS_LABELS[item.status] || item.status);
            badge.classList.add(STATUS_LABELS[item.status] ? 'badge-' + item.status : 'badge-other');
            text($(tr, '.date'), item.published ? localTime(item.published) : '\u2014');
            text($(tr, '.author'), item.author || '\u2014');
            text($(tr, '.comments'), item.comments);
            $(tr, '.lead').remove();
            var unpublish = $(tr, '.unpublish');
            var remove = $(tr, '.delete');
            unpublish.setAttribute('aria-label', 'Unpublish ' + quoted(item.title));
            remove.setAttribute('aria-label', 'Delete ' + quoted(item.title));
            unpublish.hidden = item.status === 'draft';
            unpublish.addEventListener('click', function () {
                unpublish.disabled = true;
                api.post(local(item.path + '.update.json'), {published: ''}).then(function () {
                    carried = quoted(item.title) + ' is a draft now.';
                    reload();
                }, function (error) {
                    unpublish.disabled = false;
                    report(error);
                });
            });
            remove.addEventListener('click', function () {
                confirm('Delete the article?', 'Delete ' + quoted(item.title) + '? This cannot be undone.',
                    'Delete').then(function (yes) {
                    if (!yes) {
                        return null;
                    }
                    return api.post(item.path + '.delete.json', {}).then(function () {
                        var following = tr.nextElementSibling;
                        tr.remove();
                        say('Deleted ' + quoted(item.title) + '.');
                        empty.hidden = tbody.rows.length > 0;
                        (following ? $(following, '.title') : $(view, 'h1')).focus();
                    });
                }).catch(report);
            });
            return tr;
        }

        function fillMonths(months) {
            if (monthsShown) {
                return;
            }
            monthsShown = true;
            var select = form.elements.month;
            if (month && months.indexOf(month) < 0) {
                months = [month].concat(months);
            }
            months.forEach(function (m) {
                var option = new Option(new Date(m + '-15T12:00:00Z').toLocaleDateString('en', {
                    year: 'numeric', month: 'long', timeZone: 'UTC'}), m);
                select.add(option);
            });
            select.value = month;
        }

        function load(url, append) {
            more.disabled = true;
            return api.get(url).then(function (page) {
                if (id !== render) {
                    return;
                }
                if (!append) {
                    tbody.replaceChildren();
                }
                fillMonths(page.months || []);
                page.items.forEach(function (item) {
                    tbody.appendChild(row(item));
                });
                next = page.next;
                more.hidden = !next;
                more.disabled = false;
                empty.hidden = tbody.rows.length > 0;
                say(carried || plural(tbody.rows.length, 'article', 'articles') + ' shown'
                    + (next ? '; more follow.' : '.'));
                carried = null;
            }).catch(report);
        }

        function query() {
            var p = new URLSearchParams();
            if (form.elements.status.value !== 'all') {
                p.set('status', form.elements.status.value);
            }
            if (form.elements.q.value.trim()) {
                p.set('q', form.elements.q.value.trim());
            }
            if (form.elements.month.value) {
                p.set('month', form.elements.month.value);
            }
            return p;
        }

        function reload() {
            var p = query();
            p.set('limit', '20');
            if (!p.has('status')) {
                p.set('status', 'all');
            }
            return load(SITE + '.articles.json?' + p.toString(), false);
        }

        form.addEventListener('submit', function (event) {
            event.preventDefault();
            month = form.elements.month.value;
            var p = query().toString();
            var hash = '#articles' + (p ? '?' + p : '');
            if (window.location.hash === hash) {
                reload();
            } else {
                window.location.hash = hash;
            }
        });
        more.addEventListener('click', function () {
            var firstNew = tbody.rows.length;
            load(local(next), true).then(function () {
                var row = tbody.rows[firstNew];
                if (row) {
                    $(row, '.title').focus();
                }
            });
        });
        var initial = new URLSearchParams();
        initial.set('status', form.elements.status.value);
        if (form.elements.q.value) {
            initial.set('q', form.elements.q.value);
        }
        if (month) {
            initial.set('month', month);
        }
        initial.set('limit', '20');
        load(SITE + '.articles.json?' + initial.toString(), false);
    }

    var ARTICLE_LABELS = {title: 'Title', lead: 'Lead', body: 'Body', author: 'Author', tags: 'Tags',
        published: 'Publish date', commentsOpen: 'Comments open', slug: 'Address'};

    function editorScreen(path, id) {
        var view = clone('t-editor');
        var form = $(view, 'form');
        var editor = setUpEditor(view);
        var fields = form.elements;
        var unpublish = $(view, '.unpublish');
        var remove = $(view, '.delete');
        var meta = $(view, '.meta');
        var loaded = null;
        $$(view, '.zone').forEach(function (z) {
            text(z, ZONE);
        });
        text($(view, 'h1'), path ? 'Edit article' : 'New article');
        mount(view, path ? 'Edit article' : 'New article');

        function fill(article) {
            loaded = article;
            fields.title.value = article.title || '';
            fields.lead.value = article.lead || '';
            loadBody(editor, article.body);
            fields.author.value = article.author || '';
            fields.tags.value = (article.tags || []).join(', ');
            fields.published.value = article.publishedLocal || '';
            fields.commentsOpen.checked = article.commentsOpen;
            unpublish.hidden = article.status === 'draft';
            remove.hidden = false;
            var where = article.path.slice(SITE.length + 1);
            var when = article.published ? localTime(article.published) + ' (' + ZONE + ')' : '';
            text(meta, (article.status === 'scheduled' ? 'Scheduled for ' + when
                : article.status === 'published' ? 'Published ' + when : 'Draft') + ' \u00b7 ' + where);
        }

        function saved(article, verb) {
            history.replaceState(null, '', editHash(article.path));
            fill(article);
            text($(view, 'h1'), 'Edit article');
            var when = article.published ? localTime(article.published) + ' (' + ZONE + ')' : '';
            say(verb + (article.status === 'draft' ? ' as a draft.'
                : article.status === 'scheduled' ? '; scheduled for ' + when + '.'
                : '; published ' + when + '.') + ' Filed in ' + article.path.slice(SITE.length + 1) + '.');
        }

        function reloadFrom(doc, verb) {
            return api.get(local(doc.path + '.edit.json')).then(function (article) {
                saved(article, verb);
            });
        }

        form.addEventListener('submit', function (event) {
            event.preventDefault();
            clearErrors(view);
            var title = fields.title.value.trim();
            if (!title) {
                showErrors(view, [{field: 'title', message: 'must not be empty'}], 'e-', ARTICLE_LABELS);
                return;
            }
            var data = {
                title: title,
                lead: fields.lead.value,
                body: bodyHtml(editor),
                author: fields.author.value,
                tags: fields.tags.value.split(',').map(function (t) {
                    return t.trim();
                }).filter(function (t) {
                    return t;
                }),
                commentsOpen: fields.commentsOpen.checked
            };
            var published = fields.published.value;
            var save = $(view, '.save');
            save.disabled = true;
            var done;
            if (!loaded) {
                if (published) {
                    data.published = published;
                }
                done = api.post(SITE + '.articles.json', data).then(function (doc) {
                    return reloadFrom(doc, 'Created');
                });
            } else {
                if (published !== (loaded.publishedLocal || '')) {
                    data.published = published;
                }
                done = api.post(local(loaded.links.update), data).then(function (doc) {
                    return reloadFrom(doc, 'Saved');
                });
            }
            done.catch(function (error) {
                var errors = problemErrors(error);
                if (errors) {
                    showErrors(view, errors, 'e-', ARTICLE_LABELS);
                } else {
                    report(error);
                }
            }).then(function () {
                save.disabled = false;
            });
        });

        unpublish.addEventListener('click', function () {
            api.post(local(loaded.links.update), {published: ''}).then(function (doc) {
                return reloadFrom(doc, 'Unpublished: saved');
            }).then(function () {
                fields.published.focus();
            }).catch(report);
        });

        remove.addEventListener('click', function () {
            confirm('Delete the article?', 'Delete ' + quoted(loaded.title) + '? This cannot be undone.', 'Delete')
                .then(function (yes) {
                    if (!yes) {
                        return null;
                    }
                    return api.post(local(loaded.links.delete), {}).then(function () {
                        carried = 'Deleted ' + quoted(loaded.title) + '.';
                        window.location.hash = '#articles';
                    });
                }).catch(report);
        });

        if (path) {
            api.get(path + '.edit.json').then(function (article) {
                if (id === render) {
                    fill(article);
                }
            }).catch(report);
        }
    }

    var COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'];
    var ACTION_VERBS = {approve: 'Approved', spam: 'Marked as spam:', trash: 'Trashed', pending: 'Back to pending:'};
    var ACTION_TARGET = {approve: 'approved', spam: 'spam', trash: 'trash', pending: 'pending'};

    function commentsScreen(params, id) {
        var status = COMMENT_STATUSES.indexOf(params.get('status')) >= 0 ? params.get('status') : 'pending';
        var view = clone('t-comments');
        var list = $(view, 'ol.comments');
        var more = $(view, '.more');
        var empty = $(view, '.empty');
        var all = $(view, '.all');
        var next = null;
        $$(view, '.tabs a').forEach(function (a) {
            if (a.dataset.status === status) {
                a.setAttribute('aria-current', 'page');
            }
        });
        $$(view, '[data-action]').forEach(function (button) {
            if (ACTION_TARGET[button.dataset.action] === status) {
                button.hidden = true;
            }
        });
        mount(view, 'Comments');

        function counts(values) {
            $$(view, '.tabs a').forEach(function (a) {
                var n = values[a.dataset.status] || 0;
                text($(a, '.count'), '(' + n + ')');
            });
        }

        function item(comment) {
            var li = clone('t-comment');
            li.dataset.id = comment.id;
            var heading = $(li, '.author');
            heading.id = 'c-' + comment.id;
            $(li, 'article').setAttribute('aria-labelledby', heading.id);
            text(heading, comment.author);
            text($(li, '.email'), comment.email);
            if (comment.url) {
                var url = $(li, '.url');
                if (safeUrl(comment.url)) {
                    var a = document.createElement('a');
                    a.href = comment.url;
                    a.rel = 'nofollow noopener noreferrer';
                    a.textContent = comment.url;
                    url.appendChild(a);
                } else {
                    text(url, comment.url);
                }
            }
            var article = $(li, '.article');
            if (ROLES.author) {
                var link = document.createElement('a');
                link.href = editHash(comment.article.path);
                link.textContent = comment.article.title;
                article.appendChild(link);
            } else {
                text(article, comment.article.title);
            }
            var time = $(li, 'time');
            time.dateTime = comment.created;
            text(time, localTime(comment.created));
            if (comment.reason) {
                text($(li, '.reason'), '\u00b7 ' + comment.reason);
            }
            text($(li, '.text'), comment.text);
            var pick = $(li, '.pick');
            pick.value = comment.id;
            pick.setAttribute('aria-label', 'Select the comment of ' + comment.author);
            $$(li, '.comment-actions [data-action]').forEach(function (button) {
                if (ACTION_TARGET[button.dataset.action] === status) {
                    button.hidden = true;
                    return;
                }
                button.setAttribute('aria-label', button.textContent + ': the comment of ' + comment.author);
                button.addEventListener('click', function () {
                    moderate([comment.id], button.dataset.action);
                });
            });
            return li;
        }

        function moderate(ids, action) {
            var chunks = [];
            for (var i = 0; i < ids.length; i += 100) {
                chunks.push(ids.slice(i, i + 100));
            }
            var moved = 0;
            var step = Promise.resolve();
            chunks.forEach(function (chunk) {
                step = step.then(function () {
                    return api.post(SITE + '.moderation.json', {id: chunk, action: action}).then(function (answer) {
                        counts(answer.counts);
                        answer.results.forEach(function (result) {
                            var li = list.querySelector('li[data-id="' + CSS.escape(result.id) + '"]');
                            if (li && result.status !== status) {
                                var following = li.nextElementSibling || li.previousElementSibling;
                                var hadFocus = li.contains(document.activeElement);
                                li.remove();
                                moved++;
                                if (hadFocus) {
                                    (following ? $(following, '.pick') : $(view, 'h1')).focus();
                                }
                            }
                        });
                    });
                });
            });
            return step.then(function () {
                empty.hidden = list.children.length > 0;
                all.checked = false;
                say(ACTION_VERBS[action] + ' ' + plural(moved, 'comment', 'comments') + '.');
            }).catch(report);
        }

        function load(url, append) {
            more.disabled = true;
            return api.get(url).then(function (page) {
                if (id !== render) {
                    return;
                }
                if (!append) {
                    list.replaceChildren();
                }
                counts(page.counts);
                page.items.forEach(function (comment) {
                    list.appendChild(item(comment));
                });
                next = page.next;
                more.hidden = !next;
                more.disabled = false;
                empty.hidden = list.children.length > 0;
                say(plural(list.children.length, 'comment', 'comments') + ' ' + status + ' shown'
                    + (next ? '; more follow.' : '.'));
            }).catch(report);
        }

        all.addEventListener('change', function () {
            $$(list, '.pick').forEach(function (pick) {
                pick.checked = all.checked;
            });
        });
        $$(view, '.bulk [data-action]').forEach(function (button) {
            button.addEventListener('click', function () {
                var ids = $$(list, '.pick:checked').map(function (pick) {
                    return pick.value;
                });
                if (!ids.length) {
                    fail('Select at least one comment first.');
                    return;
                }
                moderate(ids, button.dataset.action);
            });
        });
        $(view, '.bulk').addEventListener('submit', function (event) {
            event.preventDefault();
        });
        more.addEventListener('click', function () {
            load(local(next), true);
        });
        load(SITE + '.moderation.json?status=' + status + '&limit=50', false);
    }

    var SETTINGS_LABELS = {title: 'Title', timeZone: 'Time zone', locale: 'Locale', firstDayOfWeek: 'First day',
        reusePolicy: 'Reuse notice', commentsOpenDays: 'Close comments after', moderation: 'Moderation'};
    var DAY_NAMES = {MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday',
        FRIDAY: 'Friday', SATURDAY: 'Saturday', SUNDAY: 'Sunday'};

    function settingsScreen(params, id) {
        var view = clone('t-settings');
        var form = $(view, 'form');
        var fields = form.elements;
        mount(view, 'Site settings');
        var zonesShown = false;

        function fill(settings) {
            if (!zonesShown) {
                zonesShown = true;
                var zones = settings.timeZones.indexOf(settings.timeZone) >= 0 ? settings.timeZones
                    : [settings.timeZone].concat(settings.timeZones);
                zones.forEach(function (zone) {
                    fields.timeZone.add(new Option(zone, zone));
                });
            }
            fields.title.value = settings.title || '';
            fields.timeZone.value = settings.timeZone;
            fields.locale.value = settings.locale || '';
            fields.firstDayOfWeek.value = settings.firstDayOfWeek || '';
            text(fields.firstDayOfWeek.options[0], 'From the locale'
                + (settings.firstDayOfWeek ? '' : ' (' + (DAY_NAMES[settings.weekStartsOn] || '') + ')'));
            fields.reusePolicy.value = settings.reusePolicy || '';
            fields.commentsOpenDays.value = String(settings.commentsOpenDays);
            $$(form, 'input[name="moderation"]').forEach(function (radio) {
                radio.checked = radio.value === settings.moderation;
            });
            $(view, '.all-fields').disabled = !settings.editable;
            $(view, '.readonly').hidden = settings.editable;
        }

        form.addEventListener('submit', function (event) {
            event.preventDefault();
            clearErrors(view);
            var days = fields.commentsOpenDays.value.trim();
            var problems = [];
            if (!fields.title.value.trim()) {
                problems.push({field: 'title', message: 'must not be empty'});
            }
            if (!/^\d+$/.test(days)) {
                problems.push({field: 'commentsOpenDays', message: 'must be a whole number, 0 or more'});
            }
            if (problems.length) {
                showErrors(view, problems, 's-', SETTINGS_LABELS);
                return;
            }
            var moderation = $(form, 'input[name="moderation"]:checked');
            var data = {
                title: fields.title.value.trim(),
                timeZone: fields.timeZone.value,
                locale: fields.locale.value.trim(),
                firstDayOfWeek: fields.firstDayOfWeek.value,
                reusePolicy: fields.reusePolicy.value,
                commentsOpenDays: days
            };
            if (moderation) {
                data.moderation = moderation.value;
            }
            api.post(SITE + '.settings.json', data).then(function (settings) {
                fill(settings);
                text(SITE_TITLE, settings.title);
                say('Settings saved.');
            }, function (error) {
                var errors = problemErrors(error);
                if (errors) {
                    showErrors(view, errors, 's-', SETTINGS_LABELS);
                } else {
                    report(error);
                }
            });
        });

        api.get(SITE + '.settings.json').then(function (settings) {
            if (id === render) {
                fill(settings);
            }
        }).catch(report);
    }

    // ---- routing ---------------------------------------------------------------------------------------------

    function defaultScreen() {
        return ROLES.author ? 'articles' : ROLES.moderator ? 'comments' : 'settings';
    }

    function route() {
        var hash = window.location.hash.replace(/^#/, '');
        var at = hash.indexOf('?');
        var name = at < 0 ? hash : hash.slice(0, at);
        var params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
        var id = ++render;
        var screens = {
            articles: ROLES.author && function () {
                articlesScreen(params, id);
            },
            'new': ROLES.author && function () {
                editorScreen(null, id);
            },
            edit: ROLES.author && params.get('path') && params.get('path').indexOf(SITE + '/') === 0 && function () {
                editorScreen(params.get('path'), id);
            },
            comments: ROLES.moderator && function () {
                commentsScreen(params, id);
            },
            settings: function () {
                settingsScreen(params, id);
            }
        };
        if (!Object.prototype.hasOwnProperty.call(screens, name) || !screens[name]) {
            window.location.replace('#' + defaultScreen());
            return;
        }
        var section = name === 'new' || name === 'edit' ? 'articles' : name;
        $$(document, 'nav[aria-label="Console"] a').forEach(function (a) {
            if (a.dataset.screen === section) {
                a.setAttribute('aria-current', 'page');
            } else {
                a.removeAttribute('aria-current');
            }
        });
        screens[name]();
    }

    // the skip link moves focus; as a hash it would be taken for a screen
    $(document, '.skip').addEventListener('click', function (event) {
        event.preventDefault();
        main.focus();
    });
    $$(document, '[data-needs]').forEach(function (el) {
        el.hidden = !ROLES[el.dataset.needs];
    });
    window.addEventListener('hashchange', route);
    route();
}());
