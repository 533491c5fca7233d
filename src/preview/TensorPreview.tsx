import { useTheme } from '@mui/material/styles';
import { memo, useMemo, type ReactNode } from 'react';
import {
  shorten,
  tensorLayout,
  type AxisLayout,
  type DrawingPlan,
  type TensorIssue,
  type TensorLayout,
  type TensorRole,
} from './tensorLayout';

export interface TensorPreviewProps {
  /** One entry of mlm:input or mlm:output, as typed so far. */
  tensor: unknown;
  role: TensorRole;
  /** Lint findings about this tensor; those with an axis are drawn on it. */
  issues?: readonly TensorIssue[];
  /** Band names the item declares, to spot names the model input refers to but the item lacks. */
  bandNames?: readonly string[];
  /** Called with the finding's path when the user clicks an issue, so the app can focus it. */
  onShowIssue?: (path: string) => void;
  width?: number;
}

// System fonts only: the app works offline and must not fetch web fonts.
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const PAD = 12;
const FRAME_SIDE = 10;
const FRAME_TOP = 20;
const EDGE_LABEL = 18;
const DEPTH_DX = 10;
const DEPTH_DY = 8;
const DEPTH_LABEL = 78;
const LINE = 16;
/** Average glyph width at 12 px, to wrap and truncate without measuring text (no DOM in SSR). */
const CHAR = 6.4;

interface Colors {
  text: string;
  muted: string;
  line: string;
  fill: string;
  error: string;
  warning: string;
  paper: string;
}

interface Geometry {
  frames: { x: number; y: number; w: number; h: number }[];
  faceX: number;
  faceY: number;
  cell: number;
  faceW: number;
  faceH: number;
  slices: number;
  width: number;
  height: number;
}

function blockGeometry(plan: DrawingPlan, x: number, y: number, available: number): Geometry {
  const n = plan.stacks.length;
  const isBox = plan.kind === 'box';
  const rowCells = plan.kind === 'grid' || plan.kind === 'box' ? plan.rowCells : 1;
  const colCells = plan.kind === 'none' ? 1 : plan.colCells;
  const slices = isBox ? plan.slices : 1;
  const depthW = (slices - 1) * DEPTH_DX;
  const depthH = (slices - 1) * DEPTH_DY;
  const faceRoom = available - 2 * n * FRAME_SIDE - EDGE_LABEL - depthW - (isBox ? DEPTH_LABEL : 0);
  const cell = Math.max(
    8,
    Math.min(24, Math.floor(faceRoom / colCells), Math.floor(150 / rowCells)),
  );
  const faceW = plan.kind === 'none' ? 0 : colCells * cell;
  const faceH = plan.kind === 'none' ? 0 : rowCells * cell;
  const innerW = EDGE_LABEL + faceW + depthW + (isBox ? DEPTH_LABEL : 8);
  const innerH = depthH + faceH + EDGE_LABEL;
  const frames = plan.stacks.map((_, k) => ({
    x: x + k * FRAME_SIDE,
    y: y + k * FRAME_TOP,
    w: innerW + 2 * (n - k) * FRAME_SIDE,
    h: innerH + (n - k) * (FRAME_TOP + FRAME_SIDE),
  }));
  return {
    frames,
    faceX: x + n * FRAME_SIDE + EDGE_LABEL,
    faceY: y + n * FRAME_TOP + depthH,
    cell,
    faceW,
    faceH,
    slices,
    width: innerW + 2 * n * FRAME_SIDE,
    height: innerH + n * (FRAME_TOP + FRAME_SIDE),
  };
}

function hasProblem(axis: AxisLayout | undefined): boolean {
  return axis !== undefined && (axis.issues.length > 0 || axis.invalid !== null);
}

function axisTitle(axis: AxisLayout): string {
  return [
    `Axis ${axis.index}: ${axis.name} (${axis.sizeText})`,
    ...(axis.invalid ? [axis.invalid] : []),
    ...axis.issues.map((i) => i.message),
  ].join('\n');
}

interface IssueTargetProps {
  axis?: AxisLayout;
  issue?: TensorIssue;
  onShowIssue?: (path: string) => void;
  children: ReactNode;
}

/** Wraps a drawn part: a hover title, and a link to the finding when lint has one. */
function IssueTarget({ axis, issue, children }: IssueTargetProps) {
  const target = issue ?? axis?.issues[0];
  const title = axis ? axisTitle(axis) : (issue?.message ?? '');
  if (!target) {
    return (
      <g data-axis={axis?.index}>
        <title>{title}</title>
        {children}
      </g>
    );
  }
  // Drawn in red with its message; the link to the finding is a button below the drawing (an
  // image may not hold interactive parts).
  return (
    <g data-axis={axis?.index} data-issue-path={target.path}>
      <title>{title}</title>
      {children}
    </g>
  );
}

function sliceColor(layout: TensorLayout, axis: AxisLayout | undefined, i: number): string | null {
  if (axis?.kind === 'class' && layout.classes) {
    return layout.classes.shown[i]?.color ?? null;
  }
  return null;
}

/** A mock class map for segmentation outputs without a class axis: it shows the legend at work. */
function maskColor(layout: TensorLayout, r: number, c: number): string | null {
  const colors = (layout.classes?.shown ?? []).flatMap((e) => (e.color ? [e.color] : []));
  if (colors.length === 0 || !layout.tasks.some((t) => t.includes('segmentation'))) {
    return null;
  }
  return colors[(Math.floor(r / 2) + Math.floor((c + r) / 3)) % colors.length] ?? null;
}

interface DrawProps {
  layout: TensorLayout;
  geo: Geometry;
  colors: Colors;
  onShowIssue?: (path: string) => void;
}

function StackFrames({ layout, geo, colors, onShowIssue }: DrawProps) {
  return (
    <g>
      {layout.plan.stacks.map((stack, k) => {
        const frame = geo.frames[k];
        const axes = stack.axes.map((i) => layout.axes[i]).filter((a) => a !== undefined);
        const bad = axes.find(hasProblem);
        const variable = axes.some((a) => a.variable);
        if (!frame) {
          return null;
        }
        const stroke = bad ? colors.error : colors.muted;
        return (
          <IssueTarget key={k} axis={bad ?? axes[0]} onShowIssue={onShowIssue}>
            {/* A shadow copy says "repeated" without drawing N copies. */}
            <rect
              x={frame.x + 3}
              y={frame.y + 3}
              width={frame.w}
              height={frame.h}
              rx={6}
              fill="none"
              stroke={stroke}
              strokeOpacity={0.4}
              strokeDasharray={variable ? '4 3' : undefined}
            />
            <rect
              x={frame.x}
              y={frame.y}
              width={frame.w}
              height={frame.h}
              rx={6}
              fill={colors.paper}
              stroke={stroke}
              strokeWidth={bad ? 2 : 1}
              strokeDasharray={variable ? '4 3' : undefined}
            />
            <text
              x={frame.x + 6}
              y={frame.y + 14}
              fontSize={11}
              fill={bad ? colors.error : colors.muted}
            >
              {shorten(stack.label, Math.floor((frame.w - 12) / 5.8))}
            </text>
          </IssueTarget>
        );
      })}
    </g>
  );
}

function Face({ layout, geo, colors, x, y }: DrawProps & { x: number; y: number }) {
  const { plan } = layout;
  const rowCells = plan.kind === 'grid' || plan.kind === 'box' ? plan.rowCells : 1;
  const colCells = plan.kind === 'none' ? 0 : plan.colCells;
  const colAxis = plan.kind === 'none' ? undefined : layout.axes[plan.cols];
  const rowAxis = plan.kind === 'grid' || plan.kind === 'box' ? layout.axes[plan.rows] : undefined;
  const cellsOut: ReactNode[] = [];
  for (let r = 0; r < rowCells; r++) {
    for (let c = 0; c < colCells; c++) {
      // Variable axes end in a dashed cell: "and so on".
      const open =
        (colAxis?.variable === true && c === colCells - 1) ||
        (rowAxis?.variable === true && r === rowCells - 1);
      const fill =
        plan.kind === 'vector'
          ? sliceColor(layout, colAxis, c)
          : plan.kind === 'box' && layout.axes[plan.depth]?.kind === 'class'
            ? sliceColor(layout, layout.axes[plan.depth], 0)
            : maskColor(layout, r, c);
      cellsOut.push(
        <rect
          key={`${r}-${c}`}
          x={x + c * geo.cell}
          y={y + r * geo.cell}
          width={geo.cell}
          height={geo.cell}
          fill={fill ?? colors.fill}
          fillOpacity={fill ? 0.85 : 0.12}
          stroke={colors.muted}
          strokeOpacity={0.6}
          strokeDasharray={open ? '2 2' : undefined}
        />,
      );
    }
  }
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={colCells * geo.cell}
        height={rowCells * geo.cell}
        fill={colors.paper}
      />
      {cellsOut}
    </g>
  );
}

function Block(props: DrawProps) {
  const { layout, geo, colors, onShowIssue } = props;
  const { plan } = layout;
  if (plan.kind === 'none') {
    return null;
  }
  const colAxis = layout.axes[plan.cols];
  const rowAxis = plan.kind === 'vector' ? undefined : layout.axes[plan.rows];
  const depthAxis = plan.kind === 'box' ? layout.axes[plan.depth] : undefined;
  const frontX = geo.faceX;
  const frontY = geo.faceY;
  const slices: ReactNode[] = [];
  for (let s = geo.slices - 1; s >= 1; s--) {
    const fill = sliceColor(layout, depthAxis, s);
    slices.push(
      // Opaque underlay: each slice hides the ones behind it, as a stack of sheets would.
      <rect
        key={`u${s}`}
        x={frontX + s * DEPTH_DX}
        y={frontY - s * DEPTH_DY}
        width={geo.faceW}
        height={geo.faceH}
        fill={colors.paper}
      />,
      <rect
        key={s}
        x={frontX + s * DEPTH_DX}
        y={frontY - s * DEPTH_DY}
        width={geo.faceW}
        height={geo.faceH}
        fill={fill ?? colors.fill}
        fillOpacity={fill ? 0.85 : 0.08 + 0.04 * (geo.slices - s)}
        stroke={hasProblem(depthAxis) ? colors.error : colors.muted}
        strokeDasharray={depthAxis?.variable && s === geo.slices - 1 ? '3 2' : undefined}
      />,
    );
  }
  const edge = (axis: AxisLayout | undefined) => (hasProblem(axis) ? colors.error : colors.muted);
  const labelOf = (axis: AxisLayout) =>
    `${axis.name} ${axis.variable ? '(variable)' : axis.sizeText}`;
  return (
    <g>
      {slices}
      <Face {...props} x={frontX} y={frontY} />
      {colAxis && (
        <IssueTarget axis={colAxis} onShowIssue={onShowIssue}>
          <line
            x1={frontX}
            x2={frontX + geo.faceW}
            y1={frontY + geo.faceH + 3}
            y2={frontY + geo.faceH + 3}
            stroke={edge(colAxis)}
            strokeWidth={hasProblem(colAxis) ? 3 : 1}
          />
          <text
            x={frontX + geo.faceW / 2}
            y={frontY + geo.faceH + 15}
            textAnchor="middle"
            fontSize={12}
            fill={hasProblem(colAxis) ? colors.error : colors.text}
            fontWeight={hasProblem(colAxis) ? 600 : 400}
          >
            {labelOf(colAxis)}
          </text>
        </IssueTarget>
      )}
      {rowAxis && (
        <IssueTarget axis={rowAxis} onShowIssue={onShowIssue}>
          <line
            x1={frontX - 3}
            x2={frontX - 3}
            y1={frontY}
            y2={frontY + geo.faceH}
            stroke={edge(rowAxis)}
            strokeWidth={hasProblem(rowAxis) ? 3 : 1}
          />
          <text
            transform={`translate(${frontX - 7} ${frontY + geo.faceH / 2}) rotate(-90)`}
            textAnchor="middle"
            fontSize={12}
            fill={hasProblem(rowAxis) ? colors.error : colors.text}
            fontWeight={hasProblem(rowAxis) ? 600 : 400}
          >
            {labelOf(rowAxis)}
          </text>
        </IssueTarget>
      )}
      {depthAxis && (
        <IssueTarget axis={depthAxis} onShowIssue={onShowIssue}>
          <line
            x1={frontX + geo.faceW + 6}
            y1={frontY + 4}
            x2={frontX + geo.faceW + 6 + (geo.slices - 1) * DEPTH_DX}
            y2={frontY + 4 - (geo.slices - 1) * DEPTH_DY}
            stroke={edge(depthAxis)}
            strokeWidth={hasProblem(depthAxis) ? 3 : 1}
          />
          <text
            x={frontX + geo.faceW + (geo.slices - 1) * DEPTH_DX + 8}
            y={frontY - ((geo.slices - 1) * DEPTH_DY) / 2 + 10}
            fontSize={12}
            fill={hasProblem(depthAxis) ? colors.error : colors.text}
            fontWeight={hasProblem(depthAxis) ? 600 : 400}
          >
            <tspan>{shorten(depthAxis.name, 11)}</tspan>
            <tspan x={frontX + geo.faceW + (geo.slices - 1) * DEPTH_DX + 8} dy={14}>
              {depthAxis.variable ? 'variable' : `× ${depthAxis.sizeText}`}
            </tspan>
          </text>
        </IssueTarget>
      )}
    </g>
  );
}

interface SideRow {
  text: string;
  detail?: string;
  swatch?: string | null;
  warn?: string;
}

function sideRows(layout: TensorLayout): { heading: string; rows: SideRow[] }[] {
  const sections: { heading: string; rows: SideRow[] }[] = [];
  const { bands, classes } = layout;
  if (bands) {
    const rows: SideRow[] = bands.shown.map((b) => ({
      text: b.name,
      detail:
        b.expression ?? (layout.scaling?.mode === 'all' ? undefined : (b.scaling ?? undefined)),
      warn: b.unknown ? 'not among the item’s bands' : undefined,
    }));
    if (bands.more > 0) {
      rows.push({ text: `+${bands.more} more` });
    }
    const axis = bands.axis === null ? '' : ` → axis ${bands.axis}`;
    sections.push({ heading: `${bands.source} (${bands.total})${axis}`, rows });
  }
  if (classes) {
    const rows: SideRow[] = classes.shown.map((c) => ({
      text: `${c.value} ${c.name}`,
      swatch: c.color,
      warn: c.colorNote ?? undefined,
    }));
    if (classes.more > 0) {
      rows.push({ text: `+${classes.more} more` });
    }
    sections.push({ heading: `classes (${classes.total})`, rows });
  }
  return sections;
}

interface DetailLine {
  label: string;
  text: string;
  tone?: 'warning' | 'error';
  issue?: TensorIssue;
}

function detailLines(layout: TensorLayout): DetailLine[] {
  const lines: DetailLine[] = [];
  if (layout.scaling) {
    lines.push({ label: 'Scaling', text: layout.scaling.summary });
  }
  if (layout.resizeType) {
    lines.push({ label: 'Resize', text: layout.resizeType });
  }
  layout.processing.forEach((step, i) => {
    lines.push({
      label: `${layout.role === 'input' ? 'Pre' : 'Post'}-processing${layout.processing.length > 1 ? ` ${i + 1}` : ''}`,
      text: `${step.format}: ${step.expression}`,
    });
  });
  if (layout.tasks.length > 0) {
    lines.push({ label: 'Tasks', text: layout.tasks.join(', ') });
  }
  for (const problem of layout.problems) {
    lines.push({ label: '⚠', text: problem, tone: 'warning' });
  }
  for (const issue of layout.issues) {
    lines.push({ label: '●', text: issue.message, tone: 'error', issue });
  }
  return lines;
}

const SIDE_GAP = 24;

export const TensorPreview = memo(function TensorPreview({
  tensor,
  role,
  issues,
  bandNames,
  onShowIssue,
  width = 560,
}: TensorPreviewProps) {
  const theme = useTheme();
  const layout = useMemo(
    () => tensorLayout(tensor, role, { issues, bandNames }),
    [tensor, role, issues, bandNames],
  );
  const colors: Colors = {
    text: theme.palette.text.primary,
    muted: theme.palette.text.secondary,
    line: theme.palette.divider,
    fill: theme.palette.primary.main,
    error: theme.palette.error.main,
    warning: theme.palette.warning.dark,
    paper: theme.palette.background.paper,
  };

  const sections = sideRows(layout);
  const sideWidth = sections.length > 0 ? Math.min(230, Math.round(width * 0.4)) : 0;
  const drawWidth = width - 2 * PAD - (sideWidth > 0 ? sideWidth + SIDE_GAP : 0);
  const top = 44;
  const geo = blockGeometry(layout.plan, PAD, top, drawWidth);
  const sideX = width - PAD - sideWidth;
  const sideChars = Math.floor(sideWidth / CHAR);

  let sideY = top + 4;
  const side: ReactNode[] = [];
  sections.forEach((section, s) => {
    side.push(
      <text
        key={`h${s}`}
        x={sideX}
        y={sideY + 10}
        fontSize={12}
        fontWeight={600}
        fill={colors.text}
      >
        {shorten(section.heading, sideChars)}
      </text>,
    );
    sideY += LINE + 2;
    section.rows.forEach((row, r) => {
      const hasSwatch = row.swatch !== undefined;
      const textX = sideX + (hasSwatch ? 16 : 0);
      side.push(
        <g key={`r${s}-${r}`}>
          {row.warn && <title>{row.warn}</title>}
          {hasSwatch &&
            (row.swatch ? (
              <rect
                x={sideX}
                y={sideY}
                width={11}
                height={11}
                rx={2}
                fill={row.swatch}
                stroke={colors.muted}
              />
            ) : (
              // No colour hint: an empty, crossed swatch rather than a made-up colour.
              <g stroke={colors.muted} fill="none">
                <rect x={sideX} y={sideY} width={11} height={11} rx={2} strokeDasharray="2 1" />
                <line x1={sideX} y1={sideY + 11} x2={sideX + 11} y2={sideY} />
              </g>
            ))}
          <text
            x={textX}
            y={sideY + 10}
            fontSize={12}
            fill={row.warn ? colors.warning : colors.text}
          >
            {shorten(row.text, row.detail ? Math.min(14, sideChars) : sideChars - 2)}
            {row.detail && (
              <tspan x={sideX + 96} fontSize={11} fill={colors.muted}>
                {shorten(row.detail, Math.floor((sideWidth - 96) / 5.8))}
              </tspan>
            )}
          </text>
        </g>,
      );
      sideY += LINE;
    });
    sideY += 8;
  });

  // Axis chips: every axis listed in order, so nothing hides inside the drawing.
  let chipX = PAD;
  let chipY = Math.max(top + geo.height, sideY) + 12;
  const chips: ReactNode[] = layout.axes.map((axis) => {
    const text = `${axis.index}: ${axis.label}`;
    const w = Math.min(text.length * CHAR + 14, width - 2 * PAD);
    if (chipX + w > width - PAD && chipX > PAD) {
      chipX = PAD;
      chipY += 24;
    }
    const x = chipX;
    chipX += w + 6;
    const bad = hasProblem(axis);
    return (
      <IssueTarget key={axis.index} axis={axis} onShowIssue={onShowIssue}>
        <rect
          x={x}
          y={chipY}
          width={w}
          height={20}
          rx={10}
          fill={bad ? colors.error : colors.paper}
          fillOpacity={bad ? 0.12 : 1}
          stroke={bad ? colors.error : colors.muted}
          strokeWidth={bad ? 1.5 : 1}
          strokeDasharray={axis.variable ? '3 2' : undefined}
        />
        <text
          x={x + w / 2}
          y={chipY + 14}
          textAnchor="middle"
          fontSize={12}
          fill={bad ? colors.error : colors.text}
        >
          {text}
        </text>
      </IssueTarget>
    );
  });
  let y = layout.axes.length > 0 ? chipY + 20 + 10 : chipY;

  const details = detailLines(layout).map((line, i) => {
    y += LINE;
    const fill =
      line.tone === 'error' ? colors.error : line.tone === 'warning' ? colors.warning : colors.text;
    const text = (
      <text x={PAD} y={y} fontSize={12} fill={fill}>
        <tspan fontWeight={600}>{line.label} </tspan>
        <tspan>
          {shorten(line.text, Math.floor((width - 2 * PAD) / CHAR) - line.label.length - 2)}
        </tspan>
      </text>
    );
    return line.issue ? (
      <IssueTarget key={i} issue={line.issue} onShowIssue={onShowIssue}>
        {text}
      </IssueTarget>
    ) : (
      <g key={i}>{text}</g>
    );
  });
  const height = y + PAD;
  const right = [layout.dataType ?? 'no data_type', layout.shapeText].join(' · ');

  const linked = (issues ?? []).filter((issue) => issue.path !== '');
  return (
    <div>
      <svg
        role="img"
        aria-label={layout.ariaLabel}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        fontFamily={FONT}
        style={{ maxWidth: '100%', height: 'auto', display: 'block' }}
        data-role={role}
      >
        <text x={PAD} y={22} fontSize={14} fontWeight={700} fill={colors.text}>
          {shorten(layout.title, Math.floor((width - right.length * CHAR - 3 * PAD) / 7.4))}
        </text>
        <text
          x={width - PAD}
          y={22}
          fontSize={12}
          textAnchor="end"
          fill={layout.dataType ? colors.muted : colors.warning}
        >
          {right}
        </text>
        <line x1={PAD} x2={width - PAD} y1={32} y2={32} stroke={colors.line} />
        {layout.plan.kind === 'none' ? (
          <text x={PAD} y={top + 16} fontSize={12} fill={colors.warning}>
            Nothing to draw: {layout.problems[0] ?? 'no axes'}
          </text>
        ) : (
          <>
            <StackFrames layout={layout} geo={geo} colors={colors} onShowIssue={onShowIssue} />
            <Block layout={layout} geo={geo} colors={colors} onShowIssue={onShowIssue} />
          </>
        )}
        {side}
        {chips}
        {details}
      </svg>

      {linked.length > 0 && onShowIssue && (
        <ul
          aria-label={`Issues of ${layout.name ?? 'this tensor'}`}
          style={{ margin: '4px 0 0', paddingLeft: 18 }}
        >
          {linked.map((issue, i) => (
            <li key={i}>
              <button
                type="button"
                onClick={() => onShowIssue(issue.path)}
                style={{
                  background: 'none',
                  border: 'none',
                  padding: 0,
                  color: colors.error,
                  textDecoration: 'underline',
                  cursor: 'pointer',
                  font: 'inherit',
                  fontSize: 13,
                  textAlign: 'left',
                }}
              >
                {issue.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
