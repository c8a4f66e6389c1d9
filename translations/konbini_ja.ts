<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AccountingCsv</name>
    <message>
        <source>Type</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation>注文番号</translation>
    </message>
    <message>
        <source>Issued (JST)</source>
        <translation>発行日時 (JST)</translation>
    </message>
    <message>
        <source>Paid at (JST)</source>
        <translation>入金日時 (JST)</translation>
    </message>
    <message>
        <source>Store chain</source>
        <translation>支払店舗</translation>
    </message>
    <message>
        <source>Gross (yen)</source>
        <translation>金額 (円)</translation>
    </message>
    <message>
        <source>Stripe fee (yen)</source>
        <translation>Stripe手数料 (円)</translation>
    </message>
    <message>
        <source>Net (yen)</source>
        <translation>差引額 (円)</translation>
    </message>
    <message>
        <source>Funds available on (JST)</source>
        <translation>入金予定日 (JST)</translation>
    </message>
    <message>
        <source>Refunded (yen)</source>
        <translation>返金額 (円)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>払込票</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>返金</translation>
    </message>
    <message>
        <source>When (JST)</source>
        <translation>日時 (JST)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Amount (yen)</source>
        <translation>金額 (円)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Issue voucher</source>
        <translation>払込票を発行</translation>
    </message>
    <message>
        <source>Cancel voucher</source>
        <translation>払込票をキャンセル</translation>
    </message>
    <message>
        <source>Reissue voucher</source>
        <translation>払込票を再発行</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>返金</translation>
    </message>
    <message>
        <source>Cancel refund</source>
        <translation>返金を取り消す</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>設定を変更</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>Owner&apos;s PIN</source>
        <translation>店長の暗証番号</translation>
    </message>
    <message>
        <source>Change clerks</source>
        <translation>担当者を変更</translation>
    </message>
    <message>
        <source>Erase a customer&apos;s data</source>
        <translation>お客様の個人情報を消去</translation>
    </message>
    <message>
        <source>Erase customers&apos; data after the retention period</source>
        <translation>保存期間を過ぎた個人情報を消去</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>View the audit log</source>
        <translation>操作履歴を見る</translation>
    </message>
</context>
<context>
    <name>AuditDetail</name>
    <message>
        <source>added %1 as the owner</source>
        <translation>%1を店長として登録</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>%1を追加</translation>
    </message>
    <message>
        <source>new PIN for %1</source>
        <translation>%1の暗証番号を変更</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>%1を削除</translation>
    </message>
    <message>
        <source>statement %1</source>
        <translation>明細 %1</translation>
    </message>
    <message>
        <source>audit log %1</source>
        <translation>操作履歴 %1</translation>
    </message>
    <message>
        <source>the owner&apos;s PIN is required</source>
        <translation>店長の暗証番号を必要にした</translation>
    </message>
    <message>
        <source>the owner&apos;s PIN is no longer required</source>
        <translation>店長の暗証番号を不要にした</translation>
    </message>
    <message>
        <source>%1 vouchers erased, %2 when they close</source>
        <translation>%1件を消去、%2件は完了後に消去</translation>
    </message>
    <message>
        <source>%1 vouchers, closed over %2 days ago or erasure requested</source>
        <translation>%1件（完了から%2日超、または消去の依頼あり）</translation>
    </message>
    <message>
        <source>finished after a restart</source>
        <translation>再起動後に完了</translation>
    </message>
</context>
<context>
    <name>AuditResult</name>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation>暗証番号の誤り</translation>
    </message>
    <message>
        <source>locked after wrong PINs</source>
        <translation>誤入力によるロック</translation>
    </message>
    <message>
        <source>PIN not given</source>
        <translation>暗証番号の入力なし</translation>
    </message>
    <message>
        <source>no such clerk</source>
        <translation>担当者なし</translation>
    </message>
    <message>
        <source>ledger not writable</source>
        <translation>台帳に書き込めず</translation>
    </message>
    <message>
        <source>not allowed for this voucher</source>
        <translation>この払込票では不可</translation>
    </message>
    <message>
        <source>invalid input</source>
        <translation>入力の誤り</translation>
    </message>
    <message>
        <source>another sale in progress</source>
        <translation>別の取引を処理中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
</context>
<context>
    <name>CheckoutPage</name>
    <message>
        <source>Test outcome: (none)</source>
        <translation>テスト結果: 指定なし</translation>
    </message>
    <message>
        <source>Paid after 3 minutes</source>
        <translation>3分後に入金</translation>
    </message>
    <message>
        <source>Paid immediately</source>
        <translation>すぐに入金</translation>
    </message>
    <message>
        <source>Expires immediately</source>
        <translation>すぐに期限切れ</translation>
    </message>
    <message>
        <source>Expires in 3 minutes</source>
        <translation>3分後に期限切れ</translation>
    </message>
    <message>
        <source>Never paid (expires at the deadline)</source>
        <translation>入金なし（支払期限で期限切れ）</translation>
    </message>
</context>
<context>
    <name>CheckoutRequest</name>
    <message>
        <source>Enter the amount in yen.</source>
        <translation>金額（円）を入力してください。</translation>
    </message>
    <message>
        <source>Konbini payments must be at least %1.</source>
        <translation>コンビニ払いは%1以上でご利用いただけます。</translation>
    </message>
    <message>
        <source>Konbini payments can be at most %1.</source>
        <translation>コンビニ払いの上限は%1です。</translation>
    </message>
    <message>
        <source>The product description can have at most %1 characters (it has %2).</source>
        <translation>商品名は%1文字までです（現在%2文字）。</translation>
    </message>
    <message>
        <source>Convenience stores cannot print these characters: %1</source>
        <translation>次の文字はコンビニで印字できません: %1</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>お客様のお名前を入力してください。</translation>
    </message>
    <message>
        <source>None of the characters of this name can be printed at convenience stores.</source>
        <translation>このお名前はコンビニで印字できる文字を含んでいません。</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s e-mail address.</source>
        <translation>お客様のメールアドレスを入力してください。</translation>
    </message>
    <message>
        <source>This e-mail address does not look right.</source>
        <translation>メールアドレスの形式が正しくありません。</translation>
    </message>
    <message>
        <source>A confirmation number cannot be all zeros.</source>
        <translation>確認番号をすべて0にすることはできません。</translation>
    </message>
    <message>
        <source>The phone number needs 10 or 11 digits (it has %1).</source>
        <translation>電話番号は10桁または11桁で入力してください（現在%1桁）。</translation>
    </message>
    <message>
        <source>The payment deadline must be at least 30 minutes from now.</source>
        <translation>支払期限は現在から30分以上先にしてください。</translation>
    </message>
    <message>
        <source>The payment deadline must be less than 60 days from now.</source>
        <translation>支払期限は現在から60日未満にしてください。</translation>
    </message>
    <message>
        <source>Choose between %1 and %2 days.</source>
        <translation>%1〜%2日の間で選んでください。</translation>
    </message>
</context>
<context>
    <name>ClerkDesk</name>
    <message>
        <source>Enter a name of 1 to %1 characters.</source>
        <translation>名前は1〜%1文字で入力してください。</translation>
    </message>
    <message>
        <source>The PIN must be %1 to %2 digits.</source>
        <translation>暗証番号は%1〜%2桁の数字にしてください。</translation>
    </message>
    <message>
        <source>This till already has an owner.</source>
        <translation>このレジにはすでに店長が登録されています。</translation>
    </message>
    <message>
        <source>Add the owner first: the owner manages the clerks.</source>
        <translation>先に店長を登録してください。担当者は店長が管理します。</translation>
    </message>
    <message>
        <source>There is already a clerk named %1.</source>
        <translation>%1という担当者はすでに登録されています。</translation>
    </message>
    <message>
        <source>The clerk could not be added (the name may have been used before): %1</source>
        <translation>担当者を追加できませんでした（以前に使われた名前かもしれません）: %1</translation>
    </message>
    <message>
        <source>No such clerk.</source>
        <translation>その担当者は登録されていません。</translation>
    </message>
    <message>
        <source>Remove the other clerks before the owner.</source>
        <translation>店長を削除する前に、ほかの担当者を削除してください。</translation>
    </message>
    <message>
        <source>Add the owner first.</source>
        <translation>先に店長を登録してください。</translation>
    </message>
</context>
<context>
    <name>ClerkMessages</name>
    <message>
        <source>Could not reach Stripe.</source>
        <translation>Stripeに接続できませんでした。</translation>
    </message>
    <message>
        <source>Stripe refused the API key. Check the key in Settings (a restricted key needs PaymentIntents and Refunds write access).</source>
        <translation>StripeがAPIキーを受け付けませんでした。設定でキーを確認してください（制限付きキーにはPaymentIntentsとRefundsの書き込み権限が必要です）。</translation>
    </message>
    <message>
        <source>The connection to Stripe is not secure, so nothing was sent. Check the API address in Settings.</source>
        <translation>Stripeへの接続が安全でないため、何も送信していません。設定でAPIアドレスを確認してください。</translation>
    </message>
    <message>
        <source>Konbini is refusing requests for the moment (too many in a short time).</source>
        <translation>コンビニ決済が一時的にリクエストを受け付けていません（短時間に多すぎます）。</translation>
    </message>
    <message>
        <source>Konbini payments are temporarily unavailable (outage or maintenance).</source>
        <translation>コンビニ決済は一時的に利用できません（障害またはメンテナンス中）。</translation>
    </message>
    <message>
        <source>This number is too common to be a confirmation number.</source>
        <translation>この番号は一般的すぎるため確認番号に使えません。</translation>
    </message>
    <message>
        <source>The customer is paying for this voucher at the store right now. Try again later.</source>
        <translation>お客様がこの払込票を店頭で支払い中です。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Stripe says the voucher is no longer in a state that allows this. Refresh it to see its status.</source>
        <translation>この払込票はすでにこの操作ができない状態です。更新して状態を確認してください。</translation>
    </message>
    <message>
        <source>Stripe does not know this voucher (it may belong to another account or mode).</source>
        <translation>Stripeにこの払込票がありません（別のアカウントまたはモードのものかもしれません）。</translation>
    </message>
    <message>
        <source>Stripe did not accept the amount.</source>
        <translation>Stripeがこの金額を受け付けませんでした。</translation>
    </message>
    <message>
        <source>Stripe did not accept the request.</source>
        <translation>Stripeがリクエストを受け付けませんでした。</translation>
    </message>
    <message>
        <source>Stripe&apos;s answer could not be read.</source>
        <translation>Stripeの応答を読み取れませんでした。</translation>
    </message>
    <message>
        <source>No such sale in this terminal&apos;s ledger.</source>
        <translation>この端末の台帳にその取引はありません。</translation>
    </message>
    <message>
        <source>No such refund in this terminal&apos;s ledger.</source>
        <translation>この端末の台帳にその返金はありません。</translation>
    </message>
    <message>
        <source>This sale has no voucher at Stripe.</source>
        <translation>この取引にはStripeの払込票がありません。</translation>
    </message>
    <message>
        <source>Only a voucher still waiting for payment can be canceled or shown.</source>
        <translation>キャンセル・表示できるのは支払待ちの払込票だけです。</translation>
    </message>
    <message>
        <source>Only an expired voucher can be reissued.</source>
        <translation>再発行できるのは期限切れの払込票だけです。</translation>
    </message>
    <message>
        <source>This voucher cannot take a new confirmation number.</source>
        <translation>この払込票には新しい確認番号を設定できません。</translation>
    </message>
    <message>
        <source>Only a paid voucher can be refunded.</source>
        <translation>返金できるのは入金済みの払込票だけです。</translation>
    </message>
    <message>
        <source>Everything paid for this voucher has been refunded already.</source>
        <translation>この払込票の入金額はすでに全額返金されています。</translation>
    </message>
    <message>
        <source>That is more than can still be refunded.</source>
        <translation>返金できる残額を超えています。</translation>
    </message>
    <message>
        <source>Only a refund still waiting for the customer&apos;s bank details can be canceled.</source>
        <translation>取り消せるのは、お客様の口座情報を待っている返金だけです。</translation>
    </message>
    <message>
        <source>That sale can no longer be continued.</source>
        <translation>その取引はもう続行できません。</translation>
    </message>
    <message>
        <source>Check the fields marked in red.</source>
        <translation>赤く表示された項目を確認してください。</translation>
    </message>
    <message>
        <source>The previous sale is still being issued; wait for it to finish.</source>
        <translation>前の取引をまだ発行中です。終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>The sale could not be written to this computer&apos;s ledger (disk full or not writable). Free some space, then press Enter: the same sale is continued, never charged twice.</source>
        <translation>このコンピューターの台帳に取引を書き込めませんでした（ディスクがいっぱい、または書き込み不可）。空き容量を確保してからEnterを押してください。同じ取引を続行し、二重に請求することはありません。</translation>
    </message>
    <message>
        <source>The sale could not be written to this computer&apos;s ledger (disk full or not writable), so nothing was sent to Stripe. Free some space and try again.</source>
        <translation>このコンピューターの台帳に取引を書き込めなかったため（ディスクがいっぱい、または書き込み不可）、Stripeには何も送信していません。空き容量を確保してもう一度お試しください。</translation>
    </message>
    <message>
        <source>Press Enter to issue a new voucher.</source>
        <translation>Enterで新しい払込票を発行します。</translation>
    </message>
    <message>
        <source>This number is too common to be a confirmation number. Enter another phone number and press Enter.</source>
        <translation>この番号は一般的すぎるため確認番号に使えません。別の電話番号を入力してEnterを押してください。</translation>
    </message>
    <message>
        <source>Ask the customer to pay another way, or press Enter to try again in a few minutes.</source>
        <translation>別のお支払い方法をご案内するか、数分後にEnterで再試行してください。</translation>
    </message>
    <message>
        <source>Invite the customer to pay another way or later.</source>
        <translation>別のお支払い方法か、後でのお支払いをご案内してください。</translation>
    </message>
    <message>
        <source>Could not reach Stripe. Check the network, then press Enter to try again: the same sale is continued, never charged twice.</source>
        <translation>Stripeに接続できませんでした。ネットワークを確認してからEnterで再試行してください。同じ取引を続行し、二重に請求することはありません。</translation>
    </message>
    <message>
        <source>Stripe could not issue the voucher.</source>
        <translation>Stripeで払込票を発行できませんでした。</translation>
    </message>
    <message>
        <source>This computer&apos;s ledger could not be written (disk full or not writable); nothing was changed.</source>
        <translation>このコンピューターの台帳に書き込めませんでした（ディスクがいっぱい、または書き込み不可）。何も変更していません。</translation>
    </message>
    <message>
        <source>You stopped waiting for Stripe. Press Enter to continue the same sale (never charged twice); change the sale to start another.</source>
        <translation>Stripeの応答を待つのをやめました。Enterで同じ取引を続行します（二重に請求することはありません）。別の取引にするには内容を変更してください。</translation>
    </message>
    <message>
        <source>Expired (awaiting Stripe)</source>
        <translation>期限切れ（確定待ち）</translation>
    </message>
    <message>
        <source>Partly refunded (¥%1)</source>
        <translation>一部返金（¥%1）</translation>
    </message>
    <message>
        <source>Partial refund in progress (¥%1)</source>
        <translation>一部返金手続中（¥%1）</translation>
    </message>
    <message>
        <source>This computer&apos;s ledger could not be written (disk full?). Free some space, then press Retry: the sale is continued, never charged twice.</source>
        <translation>このパソコンの台帳に書き込めませんでした（ディスクがいっぱいの可能性があります）。空き容量を作ってから「再試行」を押してください。同じ販売の続きになり、二重に請求されることはありません。</translation>
    </message>
    <message>
        <source>Stripe could not be reached. Press Retry when the network is back (or restart the till): the sale is continued, never charged twice.</source>
        <translation>Stripeに接続できませんでした。ネットワークが戻ったら「再試行」を押してください（またはレジを再起動）。同じ販売の続きになり、二重に請求されることはありません。</translation>
    </message>
    <message>
        <source>The phone number cannot be a confirmation number, so no voucher was issued. If the customer is still here, issue a new voucher with another phone number.</source>
        <translation>この電話番号は確認番号に使えないため、払込票は発行されていません。お客様がまだいらっしゃる場合は、別の電話番号で新しく発行してください。</translation>
    </message>
    <message>
        <source>No voucher was issued for this sale. If the customer is still here, issue a new one.</source>
        <translation>この販売の払込票は発行されていません。お客様がまだいらっしゃる場合は、新しく発行してください。</translation>
    </message>
    <message>
        <source>The customer&apos;s name, e-mail and phone are no longer kept for this voucher: issue a new one instead.</source>
        <translation>この払込票のお客様のお名前・メール・電話番号はもう保存されていません。新しい払込票を発行してください。</translation>
    </message>
</context>
<context>
    <name>DayReport</name>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Date (JST)</source>
        <translation>日付 (JST)</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>発行</translation>
    </message>
    <message>
        <source>Issued (yen)</source>
        <translation>発行 (円)</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>入金済み</translation>
    </message>
    <message>
        <source>Paid (yen)</source>
        <translation>入金 (円)</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Expired (yen)</source>
        <translation>期限切れ (円)</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Canceled (yen)</source>
        <translation>キャンセル (円)</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>返金済み</translation>
    </message>
    <message>
        <source>Refunded (yen)</source>
        <translation>返金済み (円)</translation>
    </message>
    <message>
        <source>Still pending</source>
        <translation>支払待ち</translation>
    </message>
    <message>
        <source>Still pending (yen)</source>
        <translation>支払待ち (円)</translation>
    </message>
    <message>
        <source>Stripe fees (yen)</source>
        <translation>Stripe手数料（円）</translation>
    </message>
    <message>
        <source>Net (yen)</source>
        <translation>入金予定額（円）</translation>
    </message>
    <message>
        <source>Paid without a known fee</source>
        <translation>手数料未確定の入金件数</translation>
    </message>
    <message>
        <source>Paid at %1</source>
        <translation>%1での入金件数</translation>
    </message>
    <message>
        <source>Paid at %1 (yen)</source>
        <translation>%1での入金額（円）</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>担当者</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>ファイルを書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>Export CSV (UTF-8)…</source>
        <translation>CSVで書き出し (UTF-8)…</translation>
    </message>
    <message>
        <source>Export CSV (Shift_JIS)…</source>
        <translation>CSVで書き出し (Shift_JIS)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>RefundStatus</name>
    <message>
        <source>waiting for the customer&apos;s bank details</source>
        <translation>お客様の口座情報を待っています</translation>
    </message>
    <message>
        <source>being paid out</source>
        <translation>振込手続中</translation>
    </message>
    <message>
        <source>paid out</source>
        <translation>振込済み</translation>
    </message>
    <message>
        <source>failed: return the money outside Stripe</source>
        <translation>失敗: Stripe以外の方法で返金してください</translation>
    </message>
    <message>
        <source>withdrawn before payout</source>
        <translation>払い戻し前に取り消し</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No Stripe key is stored yet.</source>
        <translation>Stripeのキーはまだ保存されていません。</translation>
    </message>
    <message>
        <source>The keychain refused access to the Stripe key. Unlock the keychain and try again.</source>
        <translation>キーチェーンがStripeキーへのアクセスを拒否しました。キーチェーンのロックを解除してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>No keychain (Secret Service) is available, so the Stripe key cannot be stored safely. Start your desktop&apos;s keyring (for example GNOME Keyring or KWallet) and try again; until then the till runs on the sandbox.</source>
        <translation>キーチェーン（Secret Service）が使えないため、Stripeキーを安全に保存できません。デスクトップのキーリング（GNOME KeyringやKWalletなど）を起動してからもう一度お試しください。それまではサンドボックスで動作します。</translation>
    </message>
</context>
<context>
    <name>SlipPrinter</name>
    <message>
        <source>Printing failed</source>
        <translation>印刷できませんでした</translation>
    </message>
    <message>
        <source>The slip could not be printed. Check the printer and try again.</source>
        <translation>払込票を印刷できませんでした。プリンターを確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The printer did not take the slip.</source>
        <translation>プリンターが払込票を受け付けませんでした。</translation>
    </message>
    <message>
        <source>No printer is set up on this computer.</source>
        <translation>このパソコンにプリンターが設定されていません。</translation>
    </message>
    <message>
        <source>The printer %1 is not available.</source>
        <translation>プリンター「%1」を使用できません。</translation>
    </message>
</context>
<context>
    <name>StoreChains</name>
    <message>
        <source>FamilyMart</source>
        <translation>ファミリーマート</translation>
    </message>
    <message>
        <source>Lawson</source>
        <translation>ローソン</translation>
    </message>
    <message>
        <source>Ministop</source>
        <translation>ミニストップ</translation>
    </message>
    <message>
        <source>Seicomart</source>
        <translation>セイコーマート</translation>
    </message>
</context>
<context>
    <name>TillSettings</name>
    <message>
        <source>My store</source>
        <translation>店舗</translation>
    </message>
</context>
<context>
    <name>VoucherSlip</name>
    <message>
        <source>Konbini payment slip</source>
        <translation>コンビニ払込票</translation>
    </message>
    <message>
        <source>SANDBOX - NOT A REAL PAYMENT SLIP</source>
        <translation>サンドボックス ― 実際の払込票ではありません</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Confirmation number</source>
        <translation>確認番号</translation>
    </message>
    <message>
        <source>Scan the code to open the payment instructions on your phone.</source>
        <translation>スマートフォンで読み取ると、
お支払い方法が表示されます。</translation>
    </message>
    <message>
        <source>Pay at the store&apos;s register or kiosk with the payment code and confirmation number before the deadline.</source>
        <translation>お支払い期限までに、お支払い番号と確認番号を使ってコンビニのレジまたは店頭端末でお支払いください。</translation>
    </message>
    <message>
        <source>Pay by</source>
        <translation>お支払い期限</translation>
    </message>
    <message>
        <source>Tel. %1</source>
        <translation>TEL %1</translation>
    </message>
    <message>
        <source>%1</source>
        <comment>the customer&apos;s name with an honorific</comment>
        <translation>%1様</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>お支払い番号</translation>
    </message>
    <message>
        <source>Issued %1</source>
        <translation>発行日時 %1</translation>
    </message>
</context>
<context>
    <name>VoucherStatus</name>
    <message>
        <source>Not issued</source>
        <translation>未発行</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>支払待ち</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>入金済み</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Refund in progress</source>
        <translation>返金手続中</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>返金済み</translation>
    </message>
    <message>
        <source>Refund failed</source>
        <translation>返金失敗</translation>
    </message>
</context>
<context>
    <name>konbini::TillLauncher</name>
    <message>
        <source>Sandbox at %1</source>
        <translation>サンドボックス（%1）</translation>
    </message>
    <message>
        <source>Konbini POS</source>
        <translation>コンビニ決済POS</translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation>内蔵サンドボックスを起動できませんでした: %1</translation>
    </message>
    <message>
        <source>Built-in sandbox (no Stripe account needed); its data is kept in %1</source>
        <translation>内蔵サンドボックス（Stripeアカウント不要）。データの保存先: %1</translation>
    </message>
    <message>
        <source>The local ledger could not be opened: %1</source>
        <translation>ローカル台帳を開けませんでした: %1</translation>
    </message>
    <message>
        <source>The key was saved to the keychain. Restart Konbini POS to use it.</source>
        <translation>キーをキーチェーンに保存しました。使用するにはコンビニ決済POSを再起動してください。</translation>
    </message>
    <message>
        <source>Settings saved and applied. The store name, terminal ID, language, API address and payment check interval take effect at the next start.</source>
        <translation>設定を保存して反映しました。店舗名・端末ID・言語・APIアドレス・入金確認の間隔は次回の起動時に反映されます。</translation>
    </message>
</context>
<context>
    <name>konbini::ui::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>操作履歴</translation>
    </message>
    <message>
        <source>&amp;From (JST)</source>
        <translation>開始日 (JST)(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Until (JST)</source>
        <translation>終了日 (JST)(&amp;U)</translation>
    </message>
    <message>
        <source>When (JST)</source>
        <translation>日時 (JST)</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation>注文番号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>(no clerk)</source>
        <translation>（担当者なし）</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>操作履歴を書き出し</translation>
    </message>
</context>
<context>
    <name>konbini::ui::CheckoutPage</name>
    <message>
        <source>e.g. 1,500</source>
        <translation>例: 1,500</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Product description</source>
        <translation>商品名</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>お客様名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日後</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>日付で指定</translation>
    </message>
    <message>
        <source>Expires after</source>
        <translation>支払期限</translation>
    </message>
    <message>
        <source>Test scenario</source>
        <translation>テストシナリオ</translation>
    </message>
    <message>
        <source>Issue voucher (Enter)</source>
        <translation>発行 (Enter)</translation>
    </message>
    <message>
        <source>Stripe is slow to answer; still trying…</source>
        <translation>Stripeの応答が遅れています。再試行中…</translation>
    </message>
    <message>
        <source>Enter the amount in digits, e.g. 1500.</source>
        <translation>金額は数字で入力してください（例: 1500）。</translation>
    </message>
    <message>
        <source>Issuing the voucher…</source>
        <translation>払込票を発行中…</translation>
    </message>
    <message>
        <source>Stores cannot print: %1 (replace them, e.g. ① → 1, ㈱ → (株), ～ → 〜)</source>
        <translation>コンビニで印字できない文字: %1（例: ① → 1、㈱ → (株)、～ → 〜 に置き換えてください）</translation>
    </message>
    <message>
        <source>The store prints: %1</source>
        <translation>店頭での表示: %1</translation>
    </message>
    <message>
        <source>(%1 will not print)</source>
        <translation>（%1 は表示されません）</translation>
    </message>
    <message>
        <source>(cut to 20 characters)</source>
        <translation>（20文字で切れます）</translation>
    </message>
    <message>
        <source>No phone: Stripe generates the confirmation number.</source>
        <translation>電話番号なし: 確認番号はStripeが発行します。</translation>
    </message>
    <message>
        <source>Confirmation number: %1</source>
        <translation>確認番号: %1</translation>
    </message>
    <message>
        <source>Confirmation number needs 10 or 11 digits (now %1).</source>
        <translation>確認番号は10桁または11桁です（現在%1桁）。</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>支払期限: %1</translation>
    </message>
    <message>
        <source>Finishing a sale that was interrupted…</source>
        <translation>中断された取引を完了しています…</translation>
    </message>
    <message>
        <source>Stop waiting (Esc)</source>
        <translation>待つのをやめる (Esc)</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>クリア (Esc)</translation>
    </message>
    <message>
        <source>Clear this sale?</source>
        <translation>この販売をクリアしますか？</translation>
    </message>
    <message>
        <source>Clear the sale being typed? It already reached Stripe: its payment will be canceled, so no voucher of it can be paid.</source>
        <translation>入力中の販売をクリアしますか？ この販売はすでにStripeに届いています。その支払いは取り消され、払込票では支払えなくなります。</translation>
    </message>
    <message>
        <source>Clear the sale being typed?</source>
        <translation>入力中の販売をクリアしますか？</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリアする</translation>
    </message>
    <message>
        <source>Keep typing</source>
        <translation>入力を続ける</translation>
    </message>
    <message>
        <source>Please wait: the till is finishing a sale that was interrupted; its voucher appears in a moment. Then press Enter again.</source>
        <translation>お待ちください：中断された販売を完了しています。まもなくその払込票が表示されます。その後もう一度Enterを押してください。</translation>
    </message>
    <message>
        <source>This number cannot be a confirmation number; use the customer&apos;s own phone number.</source>
        <translation>この番号は確認番号に使えません。お客様ご自身の電話番号を入力してください。</translation>
    </message>
    <message>
        <source>Canceling the sale at Stripe…</source>
        <translation>Stripeで取引を取り消しています…</translation>
    </message>
    <message>
        <source>The sale could not be canceled at Stripe now, so it stays as it was: press Esc to try again, or Enter to continue it. (%1)</source>
        <translation>いまはStripeで取引を取り消せないため、取引はそのまま残っています。Escでもう一度取り消すか、Enterで取引を続行してください。（%1）</translation>
    </message>
    <message>
        <source>Issue a second voucher?</source>
        <translation>2枚目の払込票を発行しますか？</translation>
    </message>
    <message>
        <source>%1 already has a voucher of %2 waiting for payment, issued at %3. Show that voucher, or issue another one?</source>
        <translation>%1には、%3に発行した%2の支払待ちの払込票がすでにあります。その払込票を表示しますか、それとももう1枚発行しますか？</translation>
    </message>
    <message>
        <source>Show that voucher</source>
        <translation>その払込票を表示</translation>
    </message>
    <message>
        <source>Issue another</source>
        <translation>もう1枚発行する</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>%1</source>
        <comment>the customer&apos;s name with an honorific</comment>
        <translation>%1様</translation>
    </message>
    <message>
        <source>Payment deadline date</source>
        <translation>支払期限の日付</translation>
    </message>
    <message>
        <source>Seen before: %1. Fill in (Alt+Y)</source>
        <translation>以前のお客様: %1 — 入力する (Alt+Y)</translation>
    </message>
    <message>
        <source>Fill in the customer seen before</source>
        <translation>以前のお客様の情報を入力</translation>
    </message>
</context>
<context>
    <name>konbini::ui::ClerksDialog</name>
    <message>
        <source>Clerks</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>PIN (4 to 8 digits)</source>
        <translation>暗証番号（4〜8桁）</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>暗証番号（確認）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名前(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;PIN (4 to 8 digits)</source>
        <translation>暗証番号（4〜8桁）(&amp;P)</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>暗証番号（確認）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>New PIN for the selected clerk</source>
        <translation>選んだ担当者の暗証番号を変更</translation>
    </message>
    <message>
        <source>Remove the selected clerk</source>
        <translation>選んだ担当者を削除</translation>
    </message>
    <message>
        <source>Cancel, refund, cancel refund and the settings need the owner&apos;s PIN</source>
        <translation>キャンセル・返金・返金の取消・設定に店長の暗証番号を必要とする</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>From now on these need the owner&apos;s PIN.</source>
        <translation>これからは店長の暗証番号が必要です。</translation>
    </message>
    <message>
        <source>These no longer need the owner&apos;s PIN.</source>
        <translation>店長の暗証番号は不要になりました。</translation>
    </message>
    <message>
        <source>%1 (owner)</source>
        <translation>%1（店長）</translation>
    </message>
    <message>
        <source>A new clerk:</source>
        <translation>新しい担当者:</translation>
    </message>
    <message>
        <source>First the owner: the owner&apos;s PIN manages the clerks and can protect cancels, refunds and the settings.</source>
        <translation>まず店長を登録してください。店長の暗証番号で担当者を管理し、キャンセル・返金・設定を保護できます。</translation>
    </message>
    <message>
        <source>&amp;Add clerk</source>
        <translation>担当者を追加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Add owner</source>
        <translation>店長を登録(&amp;A)</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>2つの暗証番号が一致しません。</translation>
    </message>
    <message>
        <source>The owner was added.</source>
        <translation>店長を登録しました。</translation>
    </message>
    <message>
        <source>The clerk was added.</source>
        <translation>担当者を追加しました。</translation>
    </message>
    <message>
        <source>The new PIN is set.</source>
        <translation>新しい暗証番号を設定しました。</translation>
    </message>
    <message>
        <source>The clerk can no longer sign in. Their name stays on their vouchers.</source>
        <translation>この担当者はサインインできなくなりました。担当した払込票には名前が残ります。</translation>
    </message>
</context>
<context>
    <name>konbini::ui::DayReportDialog</name>
    <message>
        <source>Day report</source>
        <translation>日計</translation>
    </message>
    <message>
        <source>Day (JST)</source>
        <translation>日付 (JST)</translation>
    </message>
    <message>
        <source>Issued, paid and canceled count by when it happened; expired by the payment deadline; refunded by when the refund was paid out; still pending: issued by the end of the day and not paid yet.</source>
        <translation>発行・入金・キャンセルは発生した日、期限切れは支払期限の日、返金は振込完了の日で集計します。支払待ちは、その日の終わりまでに発行され、まだ入金されていないものです。</translation>
    </message>
    <message>
        <source>Export CSV (UTF-8)…</source>
        <translation>CSV出力 (UTF-8)…</translation>
    </message>
    <message>
        <source>Export CSV (Shift_JIS)…</source>
        <translation>CSV出力 (Shift_JIS)…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>発行</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>入金済み</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>返金済み</translation>
    </message>
    <message>
        <source>Still pending</source>
        <translation>支払待ち</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1件 (%2)</translation>
    </message>
    <message>
        <source>Export day report</source>
        <translation>日計を出力</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>出力できませんでした</translation>
    </message>
    <message>
        <source>The report could not be written to %1.</source>
        <translation>日計を %1 に書き込めませんでした。</translation>
    </message>
    <message>
        <source>Stripe fees</source>
        <translation>Stripe手数料</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>入金予定額</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支払店舗</translation>
    </message>
    <message numerus="yes">
        <source>(%n without a fee yet)</source>
        <translation>
            <numerusform>（うち%n件は手数料未確定）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2件（%3）</translation>
    </message>
    <message>
        <source>not known %1 (%2)</source>
        <translation>不明 %1件（%2）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>集計単位</translation>
    </message>
    <message>
        <source>Per terminal</source>
        <translation>端末別</translation>
    </message>
    <message>
        <source>Per clerk</source>
        <translation>担当者別</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>(no clerk)</source>
        <translation>（担当者なし）</translation>
    </message>
</context>
<context>
    <name>konbini::ui::EraseCustomerDialog</name>
    <message>
        <source>Erase a customer&apos;s data</source>
        <translation>お客様の個人情報を消去</translation>
    </message>
    <message>
        <source>For a customer who asks to be forgotten: their name, e-mail and phone are erased from this till&apos;s vouchers (amounts and Stripe&apos;s references stay). Vouchers still waiting for payment or a refund keep them until they close. Stripe keeps its own copy: ask Stripe separately.</source>
        <translation>削除を希望されたお客様のために、このレジの払込票からお名前・メール・電話番号を消去します（金額とStripeの参照番号は残ります）。支払待ち・返金手続中の払込票は完了するまで保持します。Stripe側の情報は別途Stripeに依頼してください。</translation>
    </message>
    <message>
        <source>The customer&apos;s e-mail or phone</source>
        <translation>お客様のメールアドレスまたは電話番号</translation>
    </message>
    <message>
        <source>&amp;E-mail or phone</source>
        <translation>メールまたは電話番号(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Erase…</source>
        <translation>消去(&amp;E)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Type the customer&apos;s e-mail address or phone number.</source>
        <translation>お客様のメールアドレスまたは電話番号を入力してください。</translation>
    </message>
    <message>
        <source>Erase the name, e-mail and phone of the customer %1 from this till? This cannot be undone.</source>
        <translation>お客様（%1）のお名前・メール・電話番号をこのレジから消去しますか？元に戻せません。</translation>
    </message>
    <message>
        <source>The ledger could not be written; nothing was erased: %1</source>
        <translation>台帳に書き込めなかったため、何も消去していません: %1</translation>
    </message>
    <message>
        <source>No voucher of this till has that e-mail or phone (or it was erased already).</source>
        <translation>このレジにそのメールアドレス・電話番号の払込票はありません（消去済みの可能性があります）。</translation>
    </message>
    <message numerus="yes">
        <source>Erased from %n voucher(s).</source>
        <translation>
            <numerusform>%n件の払込票から消去しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n voucher(s) still open keep it until they close, then it is erased.</source>
        <translation>
            <numerusform>未完了の払込票%n件は、完了後に消去されます。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>konbini::ui::MainWindow</name>
    <message>
        <source>Konbini POS — %1</source>
        <translation>コンビニ決済POS — %1</translation>
    </message>
    <message>
        <source>SANDBOX — offline Stripe emulator, no real payments</source>
        <translation>サンドボックス — オフラインのStripeエミュレーター（実際の決済は行われません）</translation>
    </message>
    <message>
        <source>TEST MODE — Stripe test data, no real payments</source>
        <translation>テストモード — Stripeのテストデータ（実際の決済は行われません）</translation>
    </message>
    <message>
        <source>LIVE — real payments</source>
        <translation>本番 — 実際の決済</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Counter (F2)</source>
        <translation>レジ (F2)</translation>
    </message>
    <message>
        <source>Vouchers (F3)</source>
        <translation>払込票一覧 (F3)</translation>
    </message>
    <message>
        <source>A sale interrupted earlier (%1, %2) was finished: give the customer this voucher.</source>
        <translation>以前に中断された取引（%1、%2）を完了しました。お客様にこの払込票をお渡しください。</translation>
    </message>
    <message>
        <source>Enter the store&apos;s name in Settings (Ctrl+,): it is printed on every slip. Until then slips have none.</source>
        <translation>設定（Ctrl+,）で店舗名を入力してください。すべての払込票に印字されます。入力するまで払込票に店舗名は入りません。</translation>
    </message>
    <message>
        <source>Konbini POS</source>
        <translation>コンビニ決済POS</translation>
    </message>
    <message numerus="yes">
        <source>%n paid voucher(s): hand over the goods</source>
        <translation>
            <numerusform>入金%n件：商品をお渡しください</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in to use the till.</source>
        <translation>レジを使うにはサインインしてください。</translation>
    </message>
    <message>
        <source>Sign in (Ctrl+L)</source>
        <translation>サインイン (Ctrl+L)</translation>
    </message>
    <message>
        <source>Manage</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Sign in / change clerk…</source>
        <translation>サインイン／担当者の交代…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>Clerks…</source>
        <translation>担当者…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>操作履歴…</translation>
    </message>
    <message>
        <source>Export statement…</source>
        <translation>明細の書き出し…</translation>
    </message>
    <message>
        <source>Erase a customer&apos;s data…</source>
        <translation>お客様の個人情報を消去…</translation>
    </message>
    <message>
        <source>Clerk: %1</source>
        <translation>担当: %1</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>サインインしていません</translation>
    </message>
    <message>
        <source>This till has no clerks yet: add them in Manage → Clerks.</source>
        <translation>このレジには担当者がまだいません。「管理」→「担当者」で追加してください。</translation>
    </message>
    <message>
        <source>Reading the Stripe key from the keychain…</source>
        <translation>キーチェーンからStripeの鍵を読み込んでいます…</translation>
    </message>
</context>
<context>
    <name>konbini::ui::PaidInboxPage</name>
    <message>
        <source>Vouchers paid at a store: hand over the goods, then mark them as done.</source>
        <translation>コンビニで支払われた払込票です。商品をお渡ししたら「お渡し済み」にしてください。</translation>
    </message>
    <message>
        <source>Paid vouchers to hand over</source>
        <translation>商品をお渡しする入金済みの払込票</translation>
    </message>
    <message>
        <source>Goods handed over (Enter)</source>
        <translation>お渡し済み (Enter)</translation>
    </message>
    <message>
        <source>All handed over</source>
        <translation>すべてお渡し済み</translation>
    </message>
    <message>
        <source>Paid (%1) (F4)</source>
        <translation>入金 (%1) (F4)</translation>
    </message>
    <message>
        <source>Paid (F4)</source>
        <translation>入金 (F4)</translation>
    </message>
    <message>
        <source>%1  %2  — paid %3  (confirmation number %4)</source>
        <translation>%1  %2様  ― 入金 %3（確認番号 %4）</translation>
    </message>
</context>
<context>
    <name>konbini::ui::PinDialog</name>
    <message>
        <source>%1 (owner)</source>
        <translation>%1（店長）</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>&amp;Clerk</source>
        <translation>担当者(&amp;C)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>暗証番号</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>暗証番号(&amp;P)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>That PIN is not right. Try again.</source>
        <translation>暗証番号が違います。もう一度入力してください。</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs: wait %n second(s), then try again.</source>
        <translation>
            <numerusform>暗証番号の誤りが多すぎます。%n秒待ってからもう一度入力してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>This clerk can no longer sign in.</source>
        <translation>この担当者はサインインできません。</translation>
    </message>
    <message>
        <source>This computer&apos;s ledger could not be read; try again.</source>
        <translation>このコンピューターの台帳を読めませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Owner&apos;s PIN</source>
        <translation>店長の暗証番号</translation>
    </message>
    <message>
        <source>%1 needs the owner&apos;s PIN.</source>
        <translation>「%1」には店長の暗証番号が必要です。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Who is at the till? Choose your name and type your PIN.</source>
        <translation>レジの担当者を選び、暗証番号を入力してください。</translation>
    </message>
    <message>
        <source>Type the PIN.</source>
        <translation>暗証番号を入力してください。</translation>
    </message>
</context>
<context>
    <name>konbini::ui::RecoveryFailuresPanel</name>
    <message>
        <source>Hide</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>%1 (customer)</source>
        <translation>%1 様</translation>
    </message>
    <message numerus="yes">
        <source>%n interrupted sale(s) could not be finished:</source>
        <translation>
            <numerusform>中断された販売のうち%n件を完了できませんでした：</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>再試行中…</translation>
    </message>
    <message>
        <source>&amp;Retry (Alt+R)</source>
        <translation>再試行 (Alt+&amp;R)</translation>
    </message>
</context>
<context>
    <name>konbini::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Stripe</source>
        <translation>Stripe</translation>
    </message>
    <message>
        <source>sk_test_…, sk_live_…, rk_test_… or rk_live_… (kept in the system keychain)</source>
        <translation>sk_test_…、sk_live_…、rk_test_…、rk_live_…（システムのキーチェーンに保存されます）</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>APIキー</translation>
    </message>
    <message>
        <source>A restricted key (rk_) needs these permissions: PaymentIntents — write, Refunds — write, Events — read.</source>
        <translation>制限付きキー（rk_）には次の権限が必要です: PaymentIntents — 書き込み、Refunds — 書き込み、Events — 読み取り。</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>API address (advanced)</source>
        <translation>APIアドレス（上級者向け）</translation>
    </message>
    <message>
        <source>Store and counter</source>
        <translation>店舗とレジ</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>店舗名</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>端末ID</translation>
    </message>
    <message>
        <source>Default product description</source>
        <translation>既定の商品名</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日後</translation>
    </message>
    <message>
        <source>Default expiry</source>
        <translation>既定の支払期限</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <translation>80mmレシート</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Slip size</source>
        <translation>払込票のサイズ</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>システム既定のプリンター</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Check for payments every</source>
        <translation>入金確認の間隔</translation>
    </message>
    <message>
        <source>Use a live key?</source>
        <translation>本番キーを使用しますか？</translation>
    </message>
    <message>
        <source>This is a LIVE key: vouchers will be real and customers will pay real money. Use it only at a real counter. Continue?</source>
        <translation>これは本番キーです。発行する払込票は本物で、お客様は実際にお金を支払います。実際のレジでのみ使用してください。続けますか？</translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation>キーチェーンを読み込み中…</translation>
    </message>
    <message>
        <source>A test-mode key is stored in the keychain.</source>
        <translation>テストモードのキーがキーチェーンに保存されています。</translation>
    </message>
    <message>
        <source>A LIVE key is stored in the keychain.</source>
        <translation>本番キーがキーチェーンに保存されています。</translation>
    </message>
    <message>
        <source>No key stored: the till runs on the built-in sandbox.</source>
        <translation>キーは保存されていません。内蔵サンドボックスで動作します。</translation>
    </message>
    <message>
        <source>Enter a key that starts with sk_test_, sk_live_, rk_test_ or rk_live_.</source>
        <translation>sk_test_、sk_live_、rk_test_、rk_live_ のいずれかで始まるキーを入力してください。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>Stripe does not accept this key.</source>
        <translation>Stripeはこのキーを受け付けません。</translation>
    </message>
    <message>
        <source>The key works but lacks a permission: give it PaymentIntents write, Refunds write and Events read.</source>
        <translation>キーは有効ですが権限が足りません。PaymentIntentsの書き込み、Refundsの書き込み、Eventsの読み取り権限を付与してください。</translation>
    </message>
    <message>
        <source>Connected: LIVE account (real payments).</source>
        <translation>接続しました: 本番アカウント（実際の決済）。</translation>
    </message>
    <message>
        <source>Connected: test-mode account (no real payments).</source>
        <translation>接続しました: テストモードのアカウント（実際の決済は行われません）。</translation>
    </message>
    <message>
        <source>The live key was not saved.</source>
        <translation>本番キーは保存されませんでした。</translation>
    </message>
    <message>
        <source>Saving the key to the keychain…</source>
        <translation>キーをキーチェーンに保存中…</translation>
    </message>
    <message>
        <source>The API address must use https: the Stripe key is never sent over plain http. (A sandbox on this computer is started with --api-base instead.)</source>
        <translation>APIアドレスにはhttpsを使ってください。Stripeキーを暗号化されないhttpで送ることはありません（このコンピューターのサンドボックスは --api-base で指定して起動します）。</translation>
    </message>
    <message>
        <source>Store phone (on the slip)</source>
        <translation>店舗の電話番号（払込票に印字）</translation>
    </message>
    <message>
        <source>Store address (on the slip)</source>
        <translation>店舗の住所（払込票に印字）</translation>
    </message>
    <message>
        <source>58 mm receipt</source>
        <translation>58mmレシート</translation>
    </message>
    <message>
        <source>e.g. Shibuya store</source>
        <translation>例: 渋谷店</translation>
    </message>
    <message>
        <source>Print each new voucher&apos;s slip at once (no print dialog)</source>
        <translation>発行した払込票をすぐに印刷する（印刷ダイアログなし）</translation>
    </message>
    <message>
        <source>Auto-print</source>
        <translation>自動印刷</translation>
    </message>
    <message>
        <source>Customers&apos; data</source>
        <translation>お客様の個人情報</translation>
    </message>
    <message>
        <source> days after a voucher closes</source>
        <translation> 日（払込票の完了後）</translation>
    </message>
    <message>
        <source>Keep customers&apos; names, e-mail and phone for</source>
        <translation>お客様のお名前・メール・電話番号の保存期間</translation>
    </message>
    <message>
        <source>Keep names, e-mail, phone</source>
        <translation>お名前・メール・電話の保存</translation>
    </message>
    <message>
        <source>Offer to fill in a customer whose phone or e-mail this till has seen</source>
        <translation>このレジで以前使われた電話番号・メールなら、お客様情報の入力を提案する</translation>
    </message>
    <message>
        <source>Returning customers</source>
        <translation>リピーターのお客様</translation>
    </message>
</context>
<context>
    <name>konbini::ui::StatementExportDialog</name>
    <message>
        <source>Export statement</source>
        <translation>明細の書き出し</translation>
    </message>
    <message>
        <source>One line per voucher issued and per refund sent on these days (JST), with where and when it was paid, Stripe&apos;s fee, the net and when the money is available.</source>
        <translation>指定した日（JST）に発行した払込票と送った返金を1行ずつ、支払日時・店舗、Stripe手数料、差引額、入金予定日とともに書き出します。</translation>
    </message>
    <message>
        <source>From (JST)</source>
        <translation>開始日 (JST)</translation>
    </message>
    <message>
        <source>Until (JST)</source>
        <translation>終了日 (JST)</translation>
    </message>
    <message>
        <source>&amp;From (JST)</source>
        <translation>開始日 (JST)(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Until (JST)</source>
        <translation>終了日 (JST)(&amp;U)</translation>
    </message>
    <message>
        <source>The first day comes after the last.</source>
        <translation>開始日が終了日より後になっています。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n行</numerusform>
        </translation>
    </message>
    <message>
        <source>The ledger could not be read: %1</source>
        <translation>台帳を読めませんでした: %1</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>%1 に書き出しました</translation>
    </message>
</context>
<context>
    <name>konbini::ui::VoucherDialog</name>
    <message>
        <source>Konbini payment slip</source>
        <translation>コンビニ払込票</translation>
    </message>
    <message>
        <source>Sandbox: this slip cannot be paid at a real store.</source>
        <translation>サンドボックス: この払込票は実際の店舗では支払えません。</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Pay by</source>
        <translation>お支払い期限</translation>
    </message>
    <message>
        <source>Confirmation number</source>
        <translation>確認番号</translation>
    </message>
    <message>
        <source>Scan with a phone to open the payment instructions.</source>
        <translation>スマートフォンで読み取ると、
お支払い方法が表示されます。</translation>
    </message>
    <message>
        <source>Print receipt (80 mm)</source>
        <translation>レシート印刷 (80mm)</translation>
    </message>
    <message>
        <source>Print A4</source>
        <translation>A4印刷</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDFに保存…</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>URLをコピー</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>ブラウザで開く</translation>
    </message>
    <message>
        <source>Next customer (Enter)</source>
        <translation>次のお客様 (Enter)</translation>
    </message>
    <message>
        <source>Save slip as PDF</source>
        <translation>払込票をPDFに保存</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Saving failed</source>
        <translation>保存できませんでした</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>PDFを %1 に保存できませんでした。</translation>
    </message>
    <message>
        <source>URL copied ✓</source>
        <translation>URLをコピーしました ✓</translation>
    </message>
    <message>
        <source>Finished after an interruption: this sale was first made at %1. Give the customer this voucher.</source>
        <translation>中断後に完了した取引です（最初の受付: %1）。この払込票をお客様にお渡しください。</translation>
    </message>
    <message>
        <source>Shown again: this voucher (sale of %1) was on screen when Konbini POS stopped. Make sure the customer has it.</source>
        <translation>再表示: この払込票（%1の取引）は、コンビニ決済POSが終了したときに表示中でした。お客様に渡っているか確認してください。</translation>
    </message>
    <message>
        <source>Print receipt (58 mm)</source>
        <translation>レシート印刷 (58mm)</translation>
    </message>
    <message>
        <source>The slip was printed.</source>
        <translation>払込票を印刷しました。</translation>
    </message>
    <message>
        <source>The slip was not printed: %1 Print it with the button above (Ctrl+P).</source>
        <translation>払込票を印刷できませんでした：%1 上のボタン（Ctrl+P）で印刷してください。</translation>
    </message>
</context>
<context>
    <name>konbini::ui::VoucherTableModel</name>
    <message>
        <source>past the deadline</source>
        <translation>期限を過ぎています</translation>
    </message>
    <message>
        <source>%1 d %2 h left</source>
        <translation>残り%1日%2時間</translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation>残り%1時間%2分</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>残り%1分</translation>
    </message>
    <message>
        <source>Issued (JST)</source>
        <translation>発行日時 (JST)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>Confirmation number</source>
        <translation>確認番号</translation>
    </message>
    <message>
        <source>Payment deadline</source>
        <translation>支払期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Paid (JST)</source>
        <translation>入金日時 (JST)</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支払店舗</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>（消去済み）</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>担当者</translation>
    </message>
</context>
<context>
    <name>konbini::ui::VouchersPage</name>
    <message>
        <source>Search name, e-mail, phone, confirmation number, payment code, pi_…</source>
        <translation>お名前・メール・電話番号・確認番号・お支払い番号・pi_… で検索</translation>
    </message>
    <message>
        <source>Issued between</source>
        <translation>発行日で絞り込み</translation>
    </message>
    <message>
        <source>Show voucher</source>
        <translation>払込票を表示</translation>
    </message>
    <message>
        <source>Cancel voucher</source>
        <translation>払込票をキャンセル</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>再発行</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>返金…</translation>
    </message>
    <message>
        <source>Cancel refund</source>
        <translation>返金を取り消す</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Refresh all</source>
        <translation>すべて更新</translation>
    </message>
    <message>
        <source>Day report…</source>
        <translation>日計…</translation>
    </message>
    <message>
        <source>Last checked with Stripe: %1</source>
        <translation>Stripeとの最終確認: %1</translation>
    </message>
    <message>
        <source>Offline: payments are checked again as soon as Stripe can be reached.</source>
        <translation>オフライン: Stripeに接続でき次第、入金を確認します。</translation>
    </message>
    <message>
        <source>Konbini POS</source>
        <translation>コンビニ決済POS</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>返金</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Requested by the customer</source>
        <translation>お客様のご依頼</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>Fraudulent</source>
        <translation>不正</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Stripe e-mails the customer to ask for bank details; the refund waits until they answer (at most 45 days). Each refund, partial ones too, may carry a fee.</source>
        <translation>Stripeがお客様にメールで口座情報を依頼し、返金は回答があるまで（最長45日）保留されます。一部返金を含め、返金ごとに手数料がかかる場合があります。</translation>
    </message>
    <message>
        <source>Paid: %1 from %2 (confirmation number %3). Hand over the goods.</source>
        <translation>入金: %1（%2様、確認番号 %3）。商品をお渡しください。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3 — %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2、%3 — %4</translation>
    </message>
    <message>
        <source>Refund %1: %2</source>
        <translation>返金 %1: %2</translation>
    </message>
    <message>
        <source>(e-mail sent to %1, answer needed by %2)</source>
        <translation>（%1 にメール送信済み、回答期限 %2）</translation>
    </message>
    <message>
        <source>Each refund may carry a Stripe fee.</source>
        <translation>返金ごとにStripeの手数料がかかる場合があります。</translation>
    </message>
    <message>
        <source>Cancel the voucher of %1 for %2? The slip the customer holds stops working: tell the customer.</source>
        <translation>%1様の払込票（%2）をキャンセルしますか？お客様がお持ちの払込票は使えなくなります。お客様にお伝えください。</translation>
    </message>
    <message>
        <source>The voucher was canceled. Tell the customer the slip no longer works.</source>
        <translation>払込票をキャンセルしました。お客様に払込票が使えなくなったことをお伝えください。</translation>
    </message>
    <message>
        <source>A new voucher was issued. Give the customer the new slip: the old one no longer works.</source>
        <translation>新しい払込票を発行しました。お客様に新しい払込票をお渡しください（古い払込票は使えません）。</translation>
    </message>
    <message>
        <source>Refund of %1 started: Stripe e-mails %2 for bank details.</source>
        <translation>%1の返金を開始しました。Stripeが %2 に口座情報の入力をメールで依頼します。</translation>
    </message>
    <message>
        <source>The refund was canceled.</source>
        <translation>返金を取り消しました。</translation>
    </message>
    <message>
        <source>All terminals (read-only)</source>
        <translation>全端末を表示（閲覧のみ）</translation>
    </message>
    <message>
        <source>Loading the vouchers of every terminal from Stripe…</source>
        <translation>全端末の払込票をStripeから読み込み中…</translation>
    </message>
    <message>
        <source>Vouchers of every terminal of this store: %1 (Stripe&apos;s search can lag a minute behind). Other terminals&apos; vouchers are read-only.</source>
        <translation>この店舗の全端末の払込票: %1件（Stripeの検索は最大1分ほど遅れることがあります）。他の端末の払込票は閲覧のみです。</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>The store&apos;s vouchers could not be loaded.</source>
        <translation>店舗の払込票を読み込めませんでした。</translation>
    </message>
    <message>
        <source>The voucher could not be canceled.</source>
        <translation>払込票をキャンセルできませんでした。</translation>
    </message>
    <message>
        <source>The voucher could not be reissued.</source>
        <translation>払込票を再発行できませんでした。</translation>
    </message>
    <message>
        <source>The refund could not be started.</source>
        <translation>返金を開始できませんでした。</translation>
    </message>
    <message>
        <source>The refund could not be canceled.</source>
        <translation>返金を取り消せませんでした。</translation>
    </message>
    <message>
        <source>Could not refresh from Stripe.</source>
        <translation>Stripeから更新できませんでした。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Search vouchers</source>
        <translation>払込票を検索</translation>
    </message>
    <message>
        <source>Issued from (date)</source>
        <translation>発行日（開始）</translation>
    </message>
    <message>
        <source>Issued until (date)</source>
        <translation>発行日（終了）</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>払込票</translation>
    </message>
    <message>
        <source>Issue a new voucher of %1 for %2? The expired slip stays void; give the customer the new one.</source>
        <translation>%2様の%1の払込票を再発行しますか？ 期限切れの払込票は無効のままです。新しい払込票をお客様にお渡しください。</translation>
    </message>
    <message>
        <source>Refund to %1 (paid %2)</source>
        <translation>%1様への返金（入金額 %2）</translation>
    </message>
    <message>
        <source>Withdraw the refund of %1 to %2? The customer will not receive it.</source>
        <translation>%2様への%1の返金を取り消しますか？ お客様には返金されなくなります。</translation>
    </message>
    <message>
        <source>Reprint slip (Ctrl+P)</source>
        <translation>払込票を再印刷 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Only a voucher still waiting for payment has a slip to print.</source>
        <translation>印刷できるのは、支払い待ちの払込票だけです。</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>All clerks</source>
        <translation>すべての担当者</translation>
    </message>
    <message>
        <source>(no clerk)</source>
        <translation>（担当者なし）</translation>
    </message>
    <message>
        <source>Not canceled: the owner&apos;s PIN was not given.</source>
        <translation>キャンセルしていません: 店長の暗証番号が入力されませんでした。</translation>
    </message>
    <message>
        <source>No refund: the owner&apos;s PIN was not given.</source>
        <translation>返金していません: 店長の暗証番号が入力されませんでした。</translation>
    </message>
    <message>
        <source>The refund goes on: the owner&apos;s PIN was not given.</source>
        <translation>返金は取り消していません: 店長の暗証番号が入力されませんでした。</translation>
    </message>
</context>
</TS>
