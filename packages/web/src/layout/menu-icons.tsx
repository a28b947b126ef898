/**
 * Icons of the side-menu entries.
 * @example iconOf("team")
 */
import {
  AccountBookOutlined,
  AuditOutlined,
  CalculatorOutlined,
  DashboardOutlined,
  FileTextOutlined,
  IdcardOutlined,
  QuestionCircleOutlined,
  RiseOutlined,
  TeamOutlined,
  UserOutlined,
  WalletOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { MenuIcon } from "../auth/roles";

const ICONS: Record<MenuIcon, ReactNode> = {
  dashboard: <DashboardOutlined />,
  user: <IdcardOutlined />,
  file: <FileTextOutlined />,
  calculator: <CalculatorOutlined />,
  rise: <RiseOutlined />,
  question: <QuestionCircleOutlined />,
  users: <UserOutlined />,
  team: <TeamOutlined />,
  audit: <AuditOutlined />,
  wallet: <WalletOutlined />,
  tax: <AccountBookOutlined />,
};

/** The icon element of a menu entry. @example iconOf("wallet") */
export function iconOf(icon: MenuIcon): ReactNode {
  return ICONS[icon];
}
