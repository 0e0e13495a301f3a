/** Visiting the elements of a document in reading order, layer by layer. */
import type { Block, Box, Caption, Document, Footnote, Heading, KeyAction, LeadIn, ListItem, Mention, Paragraph, Section } from './model.js';

export type TextElement = Heading | Paragraph | ListItem | LeadIn | KeyAction | Footnote | Box | Caption;

/** Every text-bearing element with the section it sits in (null outside sections). */
export function walkTextNodes(
  doc: Pick<Document, 'body' | 'notes' | 'boxes' | 'captions'>,
  visit: (node: TextElement, section: Section | null) => void,
): void {
  walkBlocks(doc.body, null, visit);
  for (const n of doc.notes) visit(n, null);
  for (const b of doc.boxes) visit(b, null);
  for (const c of doc.captions) visit(c, null);
}

/** Every mention of an entity of one kind, in every layer. */
export function walkMentions(doc: Pick<Document, 'body' | 'notes' | 'boxes' | 'captions'>, kind: Mention['kind'], visit: (mention: Mention) => void): void {
  walkTextNodes(doc, (node) => {
    for (const m of node.mentions) if (m.kind === kind) visit(m);
  });
}

export function walkBlocks(blocks: readonly Block[], section: Section | null, visit: (node: TextElement, section: Section | null) => void): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'section':
        visit(block.heading, block);
        walkBlocks(block.children, block, visit);
        break;
      case 'paragraph':
        visit(block, section);
        break;
      case 'list':
        for (const item of block.items) visit(item, section);
        break;
      case 'key-action-list':
        visit(block.heading, section);
        for (const topic of block.topics) {
          if (topic.heading) visit(topic.heading, section);
          for (const group of topic.groups) {
            if (group.leadIn) visit(group.leadIn, section);
            for (const action of group.actions) visit(action, section);
          }
        }
        break;
    }
  }
}

/** Every section, depth first. */
export function walkSections(blocks: readonly Block[], visit: (section: Section, depth: number) => void, depth = 0): void {
  for (const block of blocks) {
    if (block.type === 'section') {
      visit(block, depth);
      walkSections(block.children, visit, depth + 1);
    }
  }
}
