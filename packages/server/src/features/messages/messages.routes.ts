import {
  conversation,
  conversationListQuery,
  conversationPage,
  conversationRead,
  id,
  markConversationReadInput,
  message,
  messageListQuery,
  messagePage,
  sendMessageInput,
} from '@mentorkit/contract';
import { created, defineRoute, ok } from '../../http/route.js';
import { getConversation, listConversations, listMessages, markRead, sendMessage } from './messages.service.js';

export const messageRoutes = [
  defineRoute({
    method: 'get', path: '/conversations', operationId: 'listConversations', summary: 'The caller’s conversations, latest activity first', tag: 'messages', auth: 'bearer', role: 'self',
    query: conversationListQuery, responses: [ok(conversationPage, 'A page of conversations')],
  }, async (c, { query }) => c.json(await listConversations(c.get('deps'), c.get('viewer'), query), 200)),
  defineRoute({
    method: 'get', path: '/conversations/{id}', operationId: 'getConversation', summary: 'One conversation', tag: 'messages', auth: 'bearer', role: 'party',
    params: { id }, errors: ['not_found'], responses: [ok(conversation, 'The conversation')],
  }, async (c, { params }) => c.json(await getConversation(c.get('deps'), c.get('viewer'), params.id), 200)),
  defineRoute({
    method: 'get', path: '/conversations/{id}/messages', operationId: 'listMessages', summary: 'Messages, newest first', tag: 'messages', auth: 'bearer', role: 'party',
    params: { id }, query: messageListQuery, errors: ['not_found'], responses: [ok(messagePage, 'A page of messages')],
  }, async (c, { params, query }) => c.json(await listMessages(c.get('deps'), c.get('viewer'), params.id, query), 200)),
  defineRoute({
    method: 'post', path: '/conversations/{id}/messages', operationId: 'sendMessage', summary: 'Send a message (idempotent on clientId)', tag: 'messages', auth: 'bearer', role: 'party',
    params: { id }, body: { schema: sendMessageInput }, errors: ['not_found', 'invalid_transition', 'rate_limited'],
    responses: [created(message, 'The stored message'), ok(message, 'A replay of an earlier send with the same clientId')],
  }, async (c, { params, body }) => {
    const { message: stored, replayed } = await sendMessage(c.get('deps'), c.get('viewer'), params.id, body);
    return c.json(stored, replayed ? 200 : 201);
  }),
  defineRoute({
    method: 'post', path: '/conversations/{id}/read', operationId: 'markConversationRead', summary: 'Move the caller’s read marker', tag: 'messages', auth: 'bearer', role: 'party',
    params: { id }, body: { schema: markConversationReadInput }, errors: ['not_found'], responses: [ok(conversationRead, 'The read marker and unread counts')],
  }, async (c, { params, body }) => c.json(await markRead(c.get('deps'), c.get('viewer'), params.id, body), 200)),
];
