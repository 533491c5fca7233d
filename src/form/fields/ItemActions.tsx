import IconButton from '@mui/material/IconButton';
import { type ReactNode, type Ref, useLayoutEffect, useRef } from 'react';

import { ArrowDownIcon, ArrowUpIcon, CloseIcon, CopyIcon } from './icons';
import { VisuallyHidden } from './VisuallyHidden';

export interface ItemActionsProps {
  /** "Input 1": names the buttons ("Remove Input 1"). */
  title: string;
  onRemove: () => void;
  onDuplicate?: () => void;
  /** Undefined for the first item; both undefined for lists that cannot be reordered. */
  onMoveUp?: () => void;
  onMoveDown?: () => void;
}

function Action(props: {
  name: string;
  icon: ReactNode;
  onClick?: () => void;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <IconButton ref={props.ref} size="small" disabled={!props.onClick} onClick={props.onClick}>
      {props.icon}
      <VisuallyHidden>{props.name}</VisuallyHidden>
    </IconButton>
  );
}

/** Move, duplicate and remove buttons of one list item. */
export function ItemActions({
  title,
  onRemove,
  onDuplicate,
  onMoveUp,
  onMoveDown,
}: ItemActionsProps) {
  const canMove = onMoveUp !== undefined || onMoveDown !== undefined;
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  // An item moved to the top (or bottom) disables the button just pressed, and a disabled button
  // drops keyboard focus to the page: the other move button of the same item takes it.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (!onMoveUp && active === up.current) {
      down.current?.focus();
    } else if (!onMoveDown && active === down.current) {
      up.current?.focus();
    }
  });
  return (
    <>
      {canMove && (
        <>
          <Action
            ref={up}
            name={`Move ${title} up`}
            icon={<ArrowUpIcon fontSize="small" />}
            onClick={onMoveUp}
          />
          <Action
            ref={down}
            name={`Move ${title} down`}
            icon={<ArrowDownIcon fontSize="small" />}
            onClick={onMoveDown}
          />
        </>
      )}
      {onDuplicate && (
        <Action
          name={`Duplicate ${title}`}
          icon={<CopyIcon fontSize="small" />}
          onClick={onDuplicate}
        />
      )}
      <Action name={`Remove ${title}`} icon={<CloseIcon fontSize="small" />} onClick={onRemove} />
    </>
  );
}
