import test from 'ava';
import {reflowParagraphs} from '../source/format/reflow.js';

test('lines of one paragraph join with a space; blank lines still part paragraphs', t => {
	t.is(reflowParagraphs('Create a NetworkPolicy so that pods labelled\n`role: db` accept traffic.\n\nNothing else.'), 'Create a NetworkPolicy so that pods labelled `role: db` accept traffic.\n\nNothing else.');
});

test('list items and indented lines keep their own lines', t => {
	t.is(reflowParagraphs('It must allow:\n- TCP 8080 from web, and\n- TCP 9090 from monitoring.\n1. first\n2) second'), 'It must allow:\n- TCP 8080 from web, and\n- TCP 9090 from monitoring.\n1. first\n2) second');
	t.is(reflowParagraphs('Run:\n    kubectl get pods\n    kubectl get ns\nthen look.'), 'Run:\n    kubectl get pods\n    kubectl get ns\nthen look.');
});

test('a continuation line of a list item joins the item, as Markdown reads it', t => {
	t.is(reflowParagraphs('- TCP 8080 from pods labelled\napp: web'), '- TCP 8080 from pods labelled app: web');
});

test('a list item\'s indented continuation lines join the item; the paragraph after the list stays apart', t => {
	t.is(
		reflowParagraphs('so that:\n\n- they accept traffic from x on TCP\n  port 8443;\n- they send traffic to y,\n  and DNS.\n\nOther pods must not change.'),
		'so that:\n\n- they accept traffic from x on TCP port 8443;\n- they send traffic to y, and DNS.\n\nOther pods must not change.',
	);
});
