// 订单导入 / Orders & imports: the shops, importing a shop's export files (preview, then commit),
// its import history with roll-back, its daily visitors and its column mappings. Everyone reads;
// the owner and the operations leads import, add shops and enter visitors (the server's own policy
// table, core/orders/policy.ts through core/can.ts, asked with the same actor).
import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Select, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { AddShopModal } from "./AddShopModal";
import { useMappings, useShops } from "./api";
import { ImportCard } from "./ImportCard";
import { ImportHistory } from "./ImportHistory";
import { platformLabel } from "./labels";
import { ColumnMappings } from "./MappingBuilder";
import { useImportSession } from "./useImportSession";
import { VisitorsCard } from "./VisitorsCard";

export function ShopDataPage() {
  const { t } = useI18n();
  const { can } = useMe();
  const canManage = can("shop.manage");
  const canImport = can("shop.orders.import");
  const shops = useShops();
  const [shopId, setShopId] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const mappings = useMappings(shopId);
  const session = useImportSession(shopId);
  useEffect(() => {
    if (!shopId && shops.data?.items[0]) setShopId(shops.data.items[0].id);
  }, [shops.data, shopId]);
  const shop = shops.data?.items.find((s) => s.id === shopId);

  return (
    <Flex vertical gap={12} data-testid="shop-data">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={12} align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("shop.title")}
          </Typography.Title>
          <Link to="/shop-data/attribution" data-testid="to-attribution">
            {t("nav.attribution")} →
          </Link>
        </Flex>
        <Flex gap={8} style={{ flex: "1 1 260px", justifyContent: "flex-end", minWidth: 0 }}>
          <Select
            style={{ flex: "1 1 160px", minWidth: 0, maxWidth: 360 }}
            value={shopId}
            onChange={setShopId}
            placeholder={t("shop.shop")}
            data-testid="shop-select"
            options={(shops.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.name} · ${platformLabel(t, s.platform)} (${s.orders})`,
            }))}
          />
          {canManage ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="shop-add">
              {t("shop.add")}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {canManage ? (
        <AddShopModal open={adding} onClose={() => setAdding(false)} onCreated={setShopId} />
      ) : null}
      {!canImport && !canManage ? (
        <Alert type="info" showIcon message={t("shop.readOnly")} data-testid="shop-read-only" />
      ) : null}
      {shops.data && !shops.data.items.length ? (
        <Alert type="info" showIcon message={t("shop.none")} />
      ) : null}
      {shop ? (
        <>
          {canImport ? (
            <ImportCard session={session} mappings={mappings.data?.items ?? []} />
          ) : null}
          <ImportHistory shopId={shop.id} canImport={canImport} />
          <VisitorsCard shopId={shop.id} canEdit={canManage} />
          {canManage ? (
            <ColumnMappings
              shopId={shop.id}
              mappings={mappings.data?.items ?? []}
              upload={session.uploads[session.uploads.length - 1] ?? null}
              onSaved={(n) => session.runPreview(`mapping:${n}`)}
            />
          ) : null}
        </>
      ) : null}
    </Flex>
  );
}
