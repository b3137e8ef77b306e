// The head of a page under 订单导入 (业绩归属, 客服绩效): its title, a way back to the imports, what
// the page is for, and a note when the reader may only look.
import { ArrowRightOutlined } from "@ant-design/icons";
import { Alert, Flex, Typography } from "antd";
import { Link } from "react-router-dom";

export function SubpageHeader({
  title,
  back,
  intro,
  readOnly,
}: {
  title: string;
  back: string;
  intro: string;
  readOnly: string | null;
}) {
  return (
    <>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Link to="/shop-data">
          {back} <ArrowRightOutlined />
        </Link>
      </Flex>
      <Typography.Text type="secondary">{intro}</Typography.Text>
      {readOnly ? <Alert type="info" showIcon message={readOnly} /> : null}
    </>
  );
}
